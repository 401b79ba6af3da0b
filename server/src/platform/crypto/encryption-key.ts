import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The configured key, or for the embedded default one kept beside the data, made on first
 * start. The caller warns: a key next to the data it protects is fine for a demo only.
 */
export function resolveEncryptionKey(
  configuredHex: string | undefined,
  dataDir: string,
): { key: Buffer; generated: boolean } {
  if (configuredHex) return { key: Buffer.from(configuredHex, 'hex'), generated: false };
  const file = path.join(dataDir, 'encryption.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return { key: Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'), generated: true };
}
