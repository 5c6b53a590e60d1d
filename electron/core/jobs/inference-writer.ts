import { asSampleId, type SampleId } from '../../contract/ids';
import type { EventBus } from '../event-bus';
import type { PredictOutcome } from '../inference';
import type { ProjectStore } from '../store';
import type { PackRecord } from '../store/model-packs';
import type { InferenceSample } from '../store/inference-reads';

const ANNOUNCE_INTERVAL_MS = 250;

/**
 * Turns one image's outcome into an immutable prediction record (plus the run facts the
 * prediction table has no columns for), and tells windows which images changed, in batches so
 * a thousand-image job does not flood them with events.
 */
export class InferenceWriter {
  private changed: SampleId[] = [];
  private lastAnnounce = 0;

  constructor(
    private readonly store: ProjectStore,
    private readonly bus: EventBus,
    private readonly record: PackRecord,
    private readonly packId: string,
  ) {}

  /** `heatmapPath` relative to the project folder, so a moved project keeps its heat maps. */
  write(
    sample: InferenceSample & { contentHash: string },
    outcome: PredictOutcome,
    heatmapPath: string | null,
    urgent: boolean,
  ): void {
    const { result } = outcome;
    this.store.transaction(() => {
      const id = this.store.insertPrediction({
        sampleId: sample.id,
        modelPack: { name: this.record.name, version: this.record.version, kind: this.record.kind },
        contentHash: sample.contentHash,
        score: result.score,
        verdict: result.verdict,
        anomalyMapPath: outcome.heatmapPath ? heatmapPath : null,
        regions: result.regions.map((r) => ({ defectType: r.defectType, score: r.score, shape: r.shape })),
        texts: result.texts ?? {},
      });
      this.store.setPredictionRun(id, {
        provider: outcome.provider,
        calibrated: result.calibrated,
        areas: result.regions.map((r) => r.areaPx),
      });
    });
    this.changed.push(asSampleId(sample.id));
    if (urgent || Date.now() - this.lastAnnounce >= ANNOUNCE_INTERVAL_MS) this.flush();
  }

  flush(): void {
    if (this.changed.length === 0) return;
    this.lastAnnounce = Date.now();
    this.bus.emit('predictions:changed', { sampleIds: this.changed.splice(0), packId: this.packId });
  }
}
