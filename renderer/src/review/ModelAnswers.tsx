import { useEffect } from 'react';
import type { LabelState, TextLevelKey } from '../../../electron/contract/review';
import { ANSWER_LEVELS, shownAnswers, useAnswers } from '../stores/answersStore';
import { useOverlay } from '../stores/overlayStore';
import { linkedRegionIds } from './ModelAnswersLinks';
import { readableAnswer, withPredictionIds } from './readableAnswer';

const titles: Record<TextLevelKey, string> = {
  '1': 'Anomaly',
  '2': 'Type',
  '3': 'Where',
  '4': 'Looks like',
  '5': 'Why / impact',
};

/**
 * Said only where it tells something: L1, L4 and L5 are about every predicted region alike. An
 * L2 answer naming several types leaves the regions untyped (the model does not say which is
 * which), and says so rather than "no region of this type".
 */
function regionNote(
  level: TextLevelKey,
  count: number,
  regions: readonly { defectType: string | null }[],
): string {
  if (regions.length === 0 || (level !== '2' && level !== '3')) return '';
  if (level === '2' && count === 0)
    return regions.every((r) => r.defectType === null) ? 'regions untyped' : 'no region of this type';
  if (count === 0) return '';
  return count === 1 ? '1 region' : `${count} regions`;
}

/**
 * MAU-GPT's answer per task level for the image on screen, growing token by token while a job
 * generates it. Hovering or focusing a level lights up the predicted regions it is about.
 * The caller never renders it for a blind audit.
 */
export function ModelAnswers({ state }: { state: LabelState }) {
  const stream = useAnswers((s) => s.stream);
  const prediction = state.prediction;
  const regions = prediction?.regions ?? [];
  const shown = shownAnswers(stream, state.sampleId, prediction?.texts ?? {});
  const answered = ANSWER_LEVELS.some((level) => shown.texts[level]);
  const highlight = (ids: number[] | null) => useOverlay.getState().setHighlight(ids);
  // A highlight belongs to the image it was made on.
  useEffect(() => () => useOverlay.getState().setHighlight(null), [state.sampleId]);

  return (
    <section
      className="panel-section answers"
      aria-label="Model answers"
      data-testid="model-answers"
      data-streaming={shown.streaming ? 'true' : 'false'}
    >
      <h2 className="section-title">
        Model answers
        {shown.streaming ? (
          <span className="section-title__note answers__live" role="status">
            generating…
          </span>
        ) : (
          answered &&
          prediction && (
            <span className="answers__pack muted" title={`Made ${prediction.createdAt}`}>
              {prediction.modelPack.name} {prediction.modelPack.version}
            </span>
          )
        )}
      </h2>
      {!answered && !shown.streaming ? (
        <p className="muted answers__empty" data-testid="model-answers-empty">
          No model answers yet — run a MAU-GPT pack (Models)
        </p>
      ) : (
        <ol className="answers__list">
          {ANSWER_LEVELS.map((level) => {
            const generated = shown.texts[level];
            const text = generated === undefined ? undefined : withPredictionIds(readableAnswer(generated));
            const ids = linkedRegionIds(level, text, regions, prediction?.verdict ?? 'OK');
            const live = shown.live === level;
            return (
              <li
                key={level}
                className={`answer${live ? ' is-live' : ''}`}
                data-testid={`answer-l${level}`}
                data-regions={ids.join(' ')}
                onMouseEnter={() => highlight(ids)}
                onMouseLeave={() => highlight(null)}
                onFocus={() => highlight(ids)}
                onBlur={() => highlight(null)}
              >
                <div className="answer__head">
                  <span className="answer__level">L{level}</span>
                  <span className="answer__title">{titles[level]}</span>
                  <span className="answer__regions">{regionNote(level, ids.length, regions)}</span>
                </div>
                {/* The text takes the focus, not the row, so arrow keys scroll a long answer. */}
                <p
                  id={`answer-text-l${level}`}
                  className="answer__text"
                  data-testid={`answer-l${level}-text`}
                  tabIndex={0}
                  aria-label={`L${level} ${titles[level]}: ${text ?? 'no answer'}`}
                >
                  {text ?? (shown.streaming ? '' : '—')}
                  {live && <span className="answer__caret" aria-hidden />}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
