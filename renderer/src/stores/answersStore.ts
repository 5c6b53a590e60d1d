import { create } from 'zustand';
import type { JobId, SampleId } from '../../../electron/contract';
import type { TextLevelKey, Texts } from '../../../electron/contract/review';

/** The five MAU-Set task levels, in the order the model answers them. */
export const ANSWER_LEVELS: readonly TextLevelKey[] = ['1', '2', '3', '4', '5'];

/** A MAU-GPT answer growing on the image on screen, before its prediction is stored. */
export type AnswerStream = {
  sampleId: SampleId;
  jobId: JobId;
  texts: Texts;
  /** The level the latest token went to: where the caret blinks. */
  live: TextLevelKey;
  tokens: number;
};

export type TokenEvent = { jobId: JobId; sampleId: SampleId; level: TextLevelKey; delta: string };

type AnswersStore = {
  /** The image on screen; tokens for any other image are dropped (nothing would show them). */
  watched: SampleId | null;
  stream: AnswerStream | null;
  watch(sampleId: SampleId | null): void;
  token(event: TokenEvent): void;
  /** The predictions of these images are stored and re-read: their stored texts take over. */
  settle(sampleIds: readonly SampleId[]): void;
  /** The job stopped (done, cancelled, failed): a half-streamed answer of it is never finished. */
  endJob(jobId: JobId): void;
};

/** Adds one token to the stream, starting a new one when the token is for another image or job. */
export function appendToken(stream: AnswerStream | null, event: TokenEvent): AnswerStream {
  const same = stream !== null && stream.sampleId === event.sampleId && stream.jobId === event.jobId;
  const texts = same ? stream.texts : {};
  return {
    sampleId: event.sampleId,
    jobId: event.jobId,
    texts: { ...texts, [event.level]: (texts[event.level] ?? '') + event.delta },
    live: event.level,
    tokens: (same ? stream.tokens : 0) + 1,
  };
}

export type ShownAnswers = { texts: Texts; live: TextLevelKey | null; streaming: boolean };

/**
 * What the panel shows for an image: the growing stream while one runs for it (levels not reached
 * yet stay empty rather than showing an older run's answers), the stored prediction's texts otherwise.
 */
export function shownAnswers(stream: AnswerStream | null, sampleId: SampleId, stored: Texts): ShownAnswers {
  if (!stream || stream.sampleId !== sampleId) return { texts: stored, live: null, streaming: false };
  // Tokenizers put the word-separating space before a word, so the first token starts with one.
  const texts: Texts = {};
  for (const level of ANSWER_LEVELS) {
    const text = stream.texts[level];
    if (text !== undefined) texts[level] = text.trimStart();
  }
  return { texts, live: stream.live, streaming: true };
}

export const useAnswers = create<AnswersStore>((set, get) => ({
  watched: null,
  stream: null,
  watch(sampleId) {
    if (sampleId === get().watched) return;
    set({ watched: sampleId, stream: null });
  },
  token(event) {
    if (event.sampleId !== get().watched) return;
    set({ stream: appendToken(get().stream, event) });
  },
  settle(sampleIds) {
    const stream = get().stream;
    if (stream && sampleIds.includes(stream.sampleId)) set({ stream: null });
  },
  endJob(jobId) {
    if (get().stream?.jobId === jobId) set({ stream: null });
  },
}));
