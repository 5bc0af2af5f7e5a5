/**
 * Collects small writes into 64 KiB chunks for a stream (one write per line is the slowest part of
 * a fast pipeline), and waits for 'drain' so a slow reader holds memory flat.
 */
export class BufferedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly chunkSize = 64 * 1024,
  ) {}

  async write(text: string): Promise<void> {
    if (this.add(text)) await this.flush();
  }

  /** Adds text without flushing; true when a chunk is full and flush() is due (the caller awaits it). */
  add(text: string): boolean {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= this.chunkSize;
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }

  async end(): Promise<void> {
    await this.flush();
  }
}
