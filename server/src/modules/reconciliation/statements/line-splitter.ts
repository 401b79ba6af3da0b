/**
 * Cuts text that arrives in pieces into lines, holding only the unfinished last line, so a
 * statement of any size is read with memory bounded by its longest line. Lines end in "\n" or
 * "\r\n"; a UTF-8 byte order mark at the very start is dropped.
 */
export class LineSplitter {
  private rest = '';
  private first = true;

  /** The lines completed by this piece of text. */
  push(text: string): string[] {
    let joined = this.rest + text;
    if (this.first && joined.length > 0) {
      if (joined.charCodeAt(0) === 0xfeff) joined = joined.slice(1);
      this.first = false;
    }
    const lines = joined.split('\n');
    this.rest = lines.pop() ?? '';
    for (let index = 0; index < lines.length; index += 1) {
      const line = lines[index] as string;
      if (line.endsWith('\r')) lines[index] = line.slice(0, -1);
    }
    return lines;
  }

  /** The last line, when the text does not end with a line break. */
  end(): string[] {
    const last = this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest;
    this.rest = '';
    return last === '' ? [] : [last];
  }
}

/** The lines of a byte stream, in batches (one per chunk) to keep the per-line cost low. */
export async function* lineBatches(
  source: AsyncIterable<Uint8Array>,
  decode: (chunk: Uint8Array) => string,
  flush: () => string = () => '',
): AsyncGenerator<string[]> {
  const splitter = new LineSplitter();
  for await (const chunk of source) {
    const lines = splitter.push(decode(chunk));
    if (lines.length > 0) yield lines;
  }
  const last = [...splitter.push(flush()), ...splitter.end()];
  if (last.length > 0) yield last;
}
