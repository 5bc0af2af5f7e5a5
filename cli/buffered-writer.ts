/**
 * Collects small writes into chunks of about 64 KiB for a stream (one write per line is the slowest
 * part of a fast pipeline), and waits for 'drain' so a slow reader holds memory flat. Text is encoded
 * as UTF-8 straight into the chunk as it is added: joining the lines into one string first and then
 * encoding that copied every character twice more.
 */
export class BufferedWriter {
  // The chunk being filled, and full chunks not written yet (a text longer than the room left).
  private chunk: Buffer;
  private used = 0;
  private sealed: Buffer[] = [];
  private sealedBytes = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly chunkSize = 64 * 1024,
  ) {
    this.chunk = this.newChunk();
  }

  // Room for a chunk's worth of the longest UTF-8 (3 bytes per UTF-16 unit) past chunkSize, so a line started below it fits.
  private newChunk(): Buffer {
    return Buffer.allocUnsafe(this.chunkSize * 4);
  }

  async write(text: string): Promise<void> {
    if (this.add(text)) await this.flush();
  }

  /** Adds text without flushing; true when a chunk is full and flush() is due (the caller awaits it). */
  add(text: string): boolean {
    if (this.used + text.length * 3 > this.chunk.length) {
      this.seal();
      // Longer than a whole chunk: a buffer of its own.
      if (text.length * 3 > this.chunk.length) {
        const own = Buffer.from(text, 'utf8');
        this.sealed.push(own);
        this.sealedBytes += own.length;
        return true;
      }
    }
    this.used += this.chunk.write(text, this.used, 'utf8');
    return this.sealedBytes + this.used >= this.chunkSize;
  }

  /** Moves the chunk being filled to the chunks to write, and starts another. */
  private seal(): void {
    if (this.used === 0) return;
    this.sealed.push(this.chunk.subarray(0, this.used));
    this.sealedBytes += this.used;
    this.chunk = this.newChunk();
    this.used = 0;
  }

  async flush(): Promise<void> {
    this.seal();
    if (this.sealed.length === 0) return;
    // The stream may keep a buffer it was given until written: a written chunk is never filled again.
    const out = this.sealed.length === 1 ? this.sealed[0]! : Buffer.concat(this.sealed, this.sealedBytes);
    this.sealed = [];
    this.sealedBytes = 0;
    if (!this.stream.write(out)) await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }

  async end(): Promise<void> {
    await this.flush();
  }
}
