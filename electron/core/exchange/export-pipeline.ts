import type { Commit, ExportSample, FormatWriter } from './export-types';
import { SkipSample } from './image-files';
import type { ExportNotes } from './notes';

/**
 * How many images a writer with `prepare` may have in flight: enough to keep the thread pool
 * busy with file links, decodes and mask writes while this thread builds records, few enough
 * that memory (one full-size bitmap per region) stays small.
 */
export const PREPARE_AHEAD = 16;

type Settled = { commit: Commit } | { error: unknown };
type InFlight = { sample: ExportSample; settled: Promise<Settled> };

/**
 * Writes the samples through `writer` and reports, in sample order, each one's regions written
 * (null when skipped). Preparation overlaps; commits, notes and skips happen strictly in order,
 * so the files and the report are the same as when images are written one after another.
 */
export async function writeInOrder(
  samples: Iterable<ExportSample>,
  writer: FormatWriter,
  notes: ExportNotes,
  onWritten: (written: number | null) => void,
  signal?: AbortSignal,
): Promise<void> {
  const ahead = writer.prepare ? PREPARE_AHEAD : 1;
  const queue: InFlight[] = [];
  try {
    for (const sample of samples) {
      signal?.throwIfAborted();
      queue.push({ sample, settled: settle(start(sample, writer)) });
      if (queue.length >= ahead) onWritten(await finish(queue.shift() as InFlight, writer, notes));
    }
    while (queue.length > 0) onWritten(await finish(queue.shift() as InFlight, writer, notes));
  } catch (error) {
    // Nothing may still be writing into the export when the caller closes or aborts it.
    await Promise.allSettled(queue.map((item) => item.settled));
    throw error;
  }
}

/** Begins an image: the checks every format shares, then the writer's own preparation. */
function start(sample: ExportSample, writer: FormatWriter): Promise<Commit> {
  if (sample.error !== null)
    return Promise.reject(
      new SkipSample(`the image could not be read at import (${sample.error}); not exported`),
    );
  if (sample.width === 0 || sample.height === 0)
    return Promise.reject(new SkipSample('the image size is unknown; not exported'));
  if (writer.prepare) return writer.prepare(sample);
  return Promise.resolve(() => writer.add(sample));
}

/** A rejection is held as a value until its turn, so it is never reported as unhandled. */
function settle(prepared: Promise<Commit>): Promise<Settled> {
  return prepared.then(
    (commit) => ({ commit }),
    (error: unknown) => ({ error }),
  );
}

/** Regions written, or null when the image was skipped (with a note saying why). */
async function finish(item: InFlight, writer: FormatWriter, notes: ExportNotes): Promise<number | null> {
  const settled = await item.settled;
  try {
    if ('error' in settled) throw settled.error;
    return await settled.commit();
  } catch (error) {
    if (!(error instanceof SkipSample)) throw error;
    notes.image(item.sample.relPath, item.sample.id, error.message);
    writer.skipped?.(item.sample, error.message);
    return null;
  }
}
