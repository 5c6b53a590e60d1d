import type { Texts } from '../../contract/review';
import type { ProjectStore } from '../store';
import { normaliseTexts } from '../store/task-texts';

/**
 * An image's texts per task level (description, reasoning, …). SampleDetail does not carry
 * them, and an export must say what happened to them, so they are read here.
 */
export function sampleTexts(store: ProjectStore, sampleId: number): Texts {
  const row = store.db.prepare('SELECT texts FROM labels WHERE sample_id = ?').get(sampleId) as
    { texts: string } | undefined;
  return normaliseTexts(row ? (JSON.parse(row.texts) as Record<string, unknown>) : null);
}
