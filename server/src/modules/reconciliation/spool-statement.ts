import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { AppError } from '../../platform/errors/app-error.js';

/** The largest statement file accepted: a million-line WeChat bill is about 300 MB. */
export const maxStatementBytes = 512 * 1024 * 1024;

/** A statement file written to local disk, with its digest, ready to be read again. */
export type SpooledStatement = {
  sha256: string;
  bytes: number;
  read(): AsyncIterable<Uint8Array>;
  remove(): Promise<void>;
};

/**
 * Copies a statement as it arrives (an upload's body, a channel's download) to a temporary file,
 * hashing it on the way. Memory stays at one chunk whatever the file's size; the digest is
 * known before any line is matched, so the same file sent twice is answered without reading
 * it; and matching then reads local disk, so no database transaction waits on a network peer.
 */
export async function spoolStatement(
  source: AsyncIterable<Uint8Array>,
  options: { dir?: string; maxBytes?: number } = {},
): Promise<SpooledStatement> {
  const maxBytes = options.maxBytes ?? maxStatementBytes;
  const folder = await mkdtemp(path.join(options.dir ?? tmpdir(), 'sharefin-statement-'));
  const file = path.join(folder, 'statement');
  const remove = () => rm(folder, { recursive: true, force: true });
  const hash = createHash('sha256');
  let bytes = 0;
  const out = createWriteStream(file);
  try {
    for await (const chunk of source) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) throw new AppError('payload_too_large');
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    await remove();
    throw error;
  }
  return {
    sha256: hash.digest('hex'),
    bytes,
    read: () => createReadStream(file, { highWaterMark: 1024 * 1024 }),
    remove,
  };
}
