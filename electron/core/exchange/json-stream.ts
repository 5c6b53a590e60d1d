import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

const FLUSH_AT = 1 << 20;

/**
 * A text file written in megabyte pieces: an export of thousands of images never holds the
 * whole file as one string, and the disk sees few large writes instead of many small ones.
 */
export class TextSink {
  private chunks: string[] = [];
  private size = 0;

  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string): Promise<TextSink> {
    return new TextSink(await open(path, 'w'));
  }

  async write(text: string): Promise<void> {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) await this.flush();
  }

  /** Appends a whole file (streamed in pieces), e.g. a list written aside in the meantime. */
  async append(path: string): Promise<void> {
    await this.flush();
    for await (const chunk of createReadStream(path, { highWaterMark: FLUSH_AT }) as AsyncIterable<Buffer>) {
      await this.handle.write(chunk);
    }
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
  }

  private async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    await this.handle.write(text);
  }
}

/** Writes the items of a JSON array one by one, with the commas between them. */
export class JsonArrayWriter {
  private first = true;

  constructor(private readonly sink: TextSink) {}

  async push(value: unknown): Promise<void> {
    await this.sink.write((this.first ? '\n' : ',\n') + JSON.stringify(value));
    this.first = false;
  }
}
