/** About how much text a writer gathers before it hands out a chunk. */
const chunkChars = 64 * 1024;

/**
 * Gathers lines of text into chunks of about 64 KiB, encoded as the format wants, so a writer
 * of a million lines yields a few thousand chunks and holds one at a time.
 */
export class TextChunks {
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(private readonly encode: (text: string) => Uint8Array) {}

  /** Adds a line; returns a chunk when enough text has gathered. */
  add(line: string): Uint8Array | null {
    this.pending.push(line);
    this.pendingChars += line.length;
    return this.pendingChars >= chunkChars ? this.flush() : null;
  }

  /** Whatever is gathered, encoded; null when nothing is. */
  flush(): Uint8Array | null {
    if (this.pending.length === 0) return null;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    return this.encode(text);
  }
}
