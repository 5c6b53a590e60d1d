import type { LabelState, TextLevelKey } from '../../../electron/contract/review';
import { useLabels } from '../stores/labelStore';
import { readableAnswer } from './readableAnswer';
import { TextField } from './TextField';

const levels: { level: 4 | 5; title: string }[] = [
  { level: 4, title: 'Description' },
  { level: 5, title: 'Reasoning' },
];

/** The model's answer as the answers panel shows it: what a reviewer takes over becomes the label's text. */
const suggestionOf = (text: string | undefined) => (text ? readableAnswer(text) : null);

/** The image's description (L4) and reasoning (L5), editable; the model's answers are offered, not imposed. */
export function TextsEditor({ state, audit }: { state: LabelState; audit: boolean }) {
  const save = async (level: number, text: string) =>
    (await useLabels.getState().apply(() => ({ type: 'setText', level, text }))) !== null;
  return (
    <section className="panel-section texts" aria-label="Texts" data-testid="texts">
      <h2 className="section-title">Texts</h2>
      {levels.map(({ level, title }) => {
        const key = String(level) as TextLevelKey;
        return (
          <TextField
            key={`${state.sampleId}-${level}`}
            level={level}
            title={title}
            value={state.texts[key] ?? ''}
            suggestion={audit ? null : suggestionOf(state.prediction?.texts[key])}
            onSave={(text) => save(level, text)}
          />
        );
      })}
    </section>
  );
}
