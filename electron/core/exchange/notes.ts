import type { NotRepresentable } from '../../contract/api-exchange';

/**
 * Everything an export could not write, or wrote only approximately. Notes about one image or
 * region are listed as they come (and shown live as job problems); notes that would repeat for
 * every image ("YOLO has no place for the part id") are counted and listed once at the end.
 */
export class ExportNotes {
  private readonly notes: NotRepresentable[] = [];
  private readonly tallies = new Map<string, number>();

  constructor(private readonly onNote: (file: string, reason: string) => void = () => {}) {}

  region(file: string, sample: number, region: number, reason: string): void {
    this.push({ file, sample, region, reason });
  }

  image(file: string, sample: number, reason: string): void {
    this.push({ file, sample, region: null, reason });
  }

  /** A note about the export as a whole (file "."). */
  whole(reason: string): void {
    this.push({ file: '.', sample: null, region: null, reason });
  }

  /** One more image for which `reason` holds; listed once, with the count, by `finish`. */
  tally(reason: string): void {
    this.tallies.set(reason, (this.tallies.get(reason) ?? 0) + 1);
  }

  finish(): NotRepresentable[] {
    for (const [reason, count] of this.tallies) {
      this.push({
        file: '.',
        sample: null,
        region: null,
        reason: `${reason} (${count} image${count === 1 ? '' : 's'})`,
      });
    }
    this.tallies.clear();
    return this.notes;
  }

  private push(note: NotRepresentable): void {
    this.notes.push(note);
    this.onNote(note.file, note.region === null ? note.reason : `region ${note.region}: ${note.reason}`);
  }
}
