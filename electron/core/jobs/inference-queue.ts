/**
 * The images an inference job still has to run, in order, where one can jump to the front:
 * the image a person is looking at should not wait behind a thousand others. A wish made before
 * the job has filled the queue is kept and applied when it does.
 */
export class InferenceQueue<T extends { id: number }> {
  private items: T[] = [];
  private cursor = 0;
  private filled = false;
  private readonly wishes: number[] = [];
  private readonly urgent = new Set<number>();

  fill(items: readonly T[]): void {
    this.items = [...items];
    this.cursor = 0;
    this.filled = true;
    // the newest wish ends up first
    for (const id of this.wishes.splice(0)) this.prioritize(id);
  }

  get remaining(): number {
    return this.items.length - this.cursor;
  }

  next(): T | undefined {
    return this.cursor < this.items.length ? this.items[this.cursor++] : undefined;
  }

  /** True when the image was waiting (or may be, before the queue is filled) and is now first. */
  prioritize(id: number): boolean {
    if (!this.filled) {
      this.wishes.push(id);
      return true;
    }
    const at = this.items.findIndex((item, i) => i >= this.cursor && item.id === id);
    if (at < 0) return false;
    const [item] = this.items.splice(at, 1);
    this.items.splice(this.cursor, 0, item!);
    this.urgent.add(id);
    return true;
  }

  /** Whether the image `next()` returns is one someone asked for. */
  nextIsUrgent(): boolean {
    const item = this.items[this.cursor];
    return item !== undefined && this.urgent.has(item.id);
  }

  /** Whether someone asked for this image; its result is then announced without batching. */
  isUrgent(id: number): boolean {
    return this.urgent.has(id);
  }
}
