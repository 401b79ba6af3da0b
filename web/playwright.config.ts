import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = 3100;
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`;

// The config is evaluated by the runner and again by each worker; the first evaluation makes
// the data folder and the environment hands it down, so the server gets one fresh database.
process.env.SHAREFIN_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'sharefin-e2e-'));

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 240_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../test-results',
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: a browser download is neither possible nor wanted here.
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  // With E2E_BASE_URL the tests run against a server someone else started.
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: 'node ../scripts/start.mjs',
        url: `${baseURL}/readyz`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
        env: {
          PORT: String(port),
          SHAREFIN_DATA_DIR: process.env.SHAREFIN_E2E_DATA_DIR,
          SHAREFIN_MFA_ENFORCEMENT: 'on',
          // The settlement e2e starts today's run itself, as an operator would after the cut-off.
          SETTLEMENT_SCHEDULE: 'off',
          LOG_LEVEL: 'warn',
        },
      },
});
