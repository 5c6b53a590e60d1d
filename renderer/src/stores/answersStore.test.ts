import { beforeEach, describe, expect, it } from 'vitest';
import { asJobId, asSampleId } from '../../../electron/contract';
import type { PredictionView } from '../../../electron/contract/review';
import { linkedRegionIds } from '../review/ModelAnswersLinks';
import { shownAnswers, useAnswers, type TokenEvent } from './answersStore';

const shown = asSampleId(7);
const other = asSampleId(8);
const job = asJobId('job:3');
const tok = (level: TokenEvent['level'], delta: string, sampleId = shown, jobId = job): TokenEvent => ({
  jobId,
  sampleId,
  level,
  delta,
});

beforeEach(() => {
  useAnswers.setState({ watched: null, stream: null });
  useAnswers.getState().watch(shown);
});

describe('the streamed answers of the image on screen', () => {
  it('appends each token to its level and puts the caret on the level that grows', () => {
    const { token } = useAnswers.getState();
    for (const t of [tok('1', ' Yes'), tok('1', ','), tok('2', ' pit'), tok('2', 'ting')]) token(t);
    const view = shownAnswers(useAnswers.getState().stream, shown, { '1': 'older run', '4': 'older' });
    expect(view).toEqual({ texts: { '1': 'Yes,', '2': 'pitting' }, live: '2', streaming: true });
    expect(useAnswers.getState().stream?.tokens).toBe(4);
  });

  it('ignores tokens for another image, and forgets the stream when the view moves on', () => {
    const { token, watch } = useAnswers.getState();
    token(tok('4', 'elsewhere', other));
    expect(useAnswers.getState().stream).toBeNull();
    token(tok('4', 'here'));
    watch(other);
    expect(useAnswers.getState().stream).toBeNull();
    token(tok('4', 'there', other));
    expect(shownAnswers(useAnswers.getState().stream, shown, { '4': 'stored' }).texts).toEqual({
      '4': 'stored',
    });
    expect(shownAnswers(useAnswers.getState().stream, other, {}).texts).toEqual({ '4': 'there' });
  });

  it('starts over when a new job streams the same image', () => {
    const { token } = useAnswers.getState();
    token(tok('1', 'first run'));
    token(tok('1', 'second', shown, asJobId('job:4')));
    expect(useAnswers.getState().stream?.texts).toEqual({ '1': 'second' });
  });

  it('hands over to the stored texts once the prediction landed or the job stopped', () => {
    const { token, settle, endJob } = useAnswers.getState();
    token(tok('5', 'growing'));
    settle([other]);
    expect(useAnswers.getState().stream).not.toBeNull();
    settle([other, shown]);
    expect(shownAnswers(useAnswers.getState().stream, shown, { '5': 'stored' })).toEqual({
      texts: { '5': 'stored' },
      live: null,
      streaming: false,
    });
    token(tok('5', 'cancelled half'));
    endJob(asJobId('job:99'));
    expect(useAnswers.getState().stream).not.toBeNull();
    endJob(job);
    expect(useAnswers.getState().stream).toBeNull();
  });
});

describe('the regions a level refers to', () => {
  const region = (id: number, defectType: string | null) =>
    ({
      id,
      defectType,
      score: 0.9,
      shape: { kind: 'box', x: 0, y: 0, w: 4, h: 4 },
    }) as PredictionView['regions'][number];
  const regions = [region(1, 'pitting'), region(2, 'scratch_mark'), region(3, null)];

  it('links the type level to the regions of the types it names, as whole words', () => {
    expect(linkedRegionIds('2', 'Pitting, and a scratch mark.', regions, 'NG')).toEqual([1, 2]);
    expect(linkedRegionIds('2', 'unpittingly smooth', regions, 'NG')).toEqual([]);
    expect(linkedRegionIds('2', undefined, regions, 'NG')).toEqual([]);
  });

  it('links every other level to all predicted regions when the verdict is NG, none when OK', () => {
    for (const level of ['1', '3', '4', '5'] as const) {
      expect(linkedRegionIds(level, 'x', regions, 'NG')).toEqual([1, 2, 3]);
      // "There is no defect to locate" is not about the sub-threshold regions drawn anyway
      expect(linkedRegionIds(level, 'There is no defect to locate.', regions, 'OK')).toEqual([]);
    }
  });
});
