import { randomBytes } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';

const maxFiles = 32;
const validityMs = 5 * 60_000;

/**
 * The statement files a channel has prepared for download, behind one-time-looking tokens that
 * expire, as the channels hand out short-lived download links. Bounded: the oldest file goes
 * when a new one would exceed the limit.
 */
export class StatementDownloads {
  private readonly files = new Map<string, { bytes: Buffer; expiresAt: number }>();

  constructor(private readonly clock: Clock) {}

  offer(bytes: Buffer): string {
    if (this.files.size >= maxFiles) {
      const oldest = this.files.keys().next().value;
      if (oldest !== undefined) this.files.delete(oldest);
    }
    const token = randomBytes(16).toString('hex');
    this.files.set(token, { bytes, expiresAt: this.clock.now().getTime() + validityMs });
    return token;
  }

  /** The file behind a token that has not expired. */
  find(token: string): Buffer | undefined {
    const file = this.files.get(token);
    if (!file) return undefined;
    if (this.clock.now().getTime() > file.expiresAt) {
      this.files.delete(token);
      return undefined;
    }
    return file.bytes;
  }
}

/** A binary download answer: `body` is the bytes' text for callers that read text only. */
export function fileReply(bytes: Buffer, contentType: string) {
  return {
    status: 200,
    headers: { 'content-type': contentType },
    body: bytes.toString('utf8'),
    bodyBytes: new Uint8Array(bytes),
  };
}
