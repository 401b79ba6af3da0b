#!/usr/bin/env node
// The payer's cashier (/q/*) opens on phones on slow networks: every JS file it can load, the
// entry's static imports and the lazy chunks reachable from it, must total at most 200 KB
// gzipped. Reads the chunk graph from Vite's manifest of the last `npm run build -w web`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const budgetBytes = 200 * 1024;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'web', 'dist');
const manifestFile = path.join(dist, '.vite', 'manifest.json');
const entry = 'cashier.html';

if (!existsSync(manifestFile)) {
  process.stderr.write(
    `No ${path.relative(root, manifestFile)}: run npm run build -w web first.\n`,
  );
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
if (!manifest[entry]) {
  process.stderr.write(`The manifest has no ${entry} entry: is it in vite.config.ts's input?\n`);
  process.exit(2);
}

// Dynamic imports count too: a lazy chunk the cashier may fetch is still the payer's download.
const seen = new Set();
const files = [];
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) return;
  if (chunk.file.endsWith('.js')) files.push(chunk.file);
  for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
};
visit(entry);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = files
  .map((file) => {
    const bytes = readFileSync(path.join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((sum, row) => sum + row.gzip, 0);
const totalRaw = rows.reduce((sum, row) => sum + row.raw, 0);

const width = Math.max(...rows.map((row) => row.file.length), 'total'.length);
for (const row of rows) {
  process.stdout.write(
    `${row.file.padEnd(width)}  ${kb(row.raw).padStart(10)}  ${kb(row.gzip).padStart(9)} gzip\n`,
  );
}
process.stdout.write(
  `${'total'.padEnd(width)}  ${kb(totalRaw).padStart(10)}  ${kb(total).padStart(9)} gzip (budget ${kb(budgetBytes)}, ${rows.length} files)\n`,
);
if (total > budgetBytes) {
  process.stderr.write(
    `The cashier loads ${kb(total)} of gzipped JS, over the ${kb(budgetBytes)} budget.\n`,
  );
  process.exit(1);
}
