#!/usr/bin/env node
// `npm test`: the whole suite. Unit and integration tests on PGlite, again on PostgreSQL when
// TEST_DATABASE_URL is set, then the browser tests in Debian's Chromium when it is installed.
// Ends with one line "tests: N passed, N failed" summing every run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reports = mkdtempSync(path.join(tmpdir(), 'sharefin-test-reports-'));
const e2eOnly = process.argv.includes('--e2e-only');
const chromium = '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
let anyRunFailed = false;

function run(label, command, args, env, report, count) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) anyRunFailed = true;
  if (existsSync(report)) {
    const counted = count(JSON.parse(readFileSync(report, 'utf8')));
    for (const key of Object.keys(totals)) totals[key] += counted[key];
  } else {
    // No report means the runner itself failed before running tests.
    totals.failed += 1;
  }
}

const vitestCounts = (json) => ({
  passed: json.numPassedTests,
  failed: json.numFailedTests + (json.success ? 0 : json.numFailedTestSuites),
  skipped: json.numPendingTests + json.numTodoTests,
});

function vitest(label, env, name) {
  const report = path.join(reports, `${name}.json`);
  run(
    label,
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env,
    report,
    vitestCounts,
  );
}

if (!e2eOnly) {
  vitest('unit and integration tests on PGlite', { TEST_DATABASE_URL: '' }, 'pglite');
  if (process.env.TEST_DATABASE_URL) {
    vitest(
      `unit and integration tests on PostgreSQL (${process.env.TEST_DATABASE_URL})`,
      {},
      'postgres',
    );
  } else {
    process.stdout.write(
      '\nTEST_DATABASE_URL is not set: skipping the PostgreSQL run (set it to postgres://user@host/db to include it).\n',
    );
  }
}

if (existsSync(chromium)) {
  const report = path.join(reports, 'e2e.json');
  run(
    'browser tests in Chromium',
    bin('playwright'),
    ['test', '-c', 'web/playwright.config.ts', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    report,
    (json) => ({
      passed: json.stats.expected,
      failed: json.stats.unexpected + json.stats.flaky,
      skipped: json.stats.skipped,
    }),
  );
} else {
  process.stdout.write(
    `\nNo ${chromium}: skipping the browser tests (install with: sudo apt-get install chromium fonts-noto-cjk).\n`,
  );
}

rmSync(reports, { recursive: true, force: true });
process.stdout.write(
  `\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
process.exit(anyRunFailed || totals.failed > 0 ? 1 : 0);
