import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomToken } from '../crypto/tokens.js';

/**
 * Where uploaded files live. The local folder is the default; an S3-compatible store implements
 * the same three calls (PutObject, GetObject, DeleteObject) without the callers changing.
 */
export type FileStore = {
  /** Stores the bytes under a new key and returns it with their SHA-256. */
  put(input: { prefix: string; bytes: Buffer }): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
};

const keyPattern = /^[a-z0-9_]+\/[A-Za-z0-9_-]+$/;

export function createLocalFileStore(rootDir: string): FileStore {
  // Keys are generated here and checked on every read, so no caller-supplied text ever
  // becomes part of a path.
  const fileOf = (key: string) => {
    if (!keyPattern.test(key)) throw new Error(`Not a file-store key: ${key}`);
    return path.join(rootDir, key);
  };
  return {
    async put({ prefix, bytes }) {
      const key = `${prefix}/${randomToken(18)}`;
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Written beside and renamed, so a crash never leaves half a file under a real key.
      const partial = `${file}.partial`;
      await writeFile(partial, bytes, { mode: 0o600 });
      await rename(partial, file);
      return { key, sha256: createHash('sha256').update(bytes).digest('hex') };
    },
    get: (key) => readFile(fileOf(key)),
    remove: (key) => rm(fileOf(key), { force: true }),
  };
}
