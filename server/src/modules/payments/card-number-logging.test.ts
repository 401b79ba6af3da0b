import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, testEncryptionKey } from '../../../test/harness.js';
import { createActiveMerchant, signInMerchant } from '../../../test/merchant-factories.js';
import { buildApp, type SharefinApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { ManualClock } from '../../platform/clock.js';
import { createEncryptor } from '../../platform/crypto/encryption.js';
import type { Database } from '../../platform/db/database.js';
import { loggerOptions } from '../../platform/logger.js';

/** The app with the production logger at its most talkative, writing where the test reads. */
const lines: string[] = [];
let built: SharefinApp;
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  built = await buildApp({
    config: loadConfig({
      LOG_LEVEL: 'trace',
      SHAREFIN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sharefin-data-')),
      SHAREFIN_WEB_DIST: path.join(tmpdir(), 'sharefin-no-web'),
    }),
    database,
    clock: new ManualClock(new Date()),
    encryptor: createEncryptor(testEncryptionKey),
    logger: pino(loggerOptions('trace'), stream),
  });
  await built.app.ready();
});
afterAll(async () => {
  await built.app.close();
  await database.close();
});

it('a full card number sent to the API is refused and appears in no log line', async () => {
  const testApp = {
    ...built,
    db: database.db,
    encryptor: createEncryptor(testEncryptionKey),
    clock: new ManualClock(new Date()),
  };
  const merchant = await createActiveMerchant(testApp as never);
  const owner = await signInMerchant(testApp as never, merchant.ownerMobile);
  const pan = '6228480402564890018';
  const reply = await owner.request('POST', '/api/v1/payments', {
    method: 'card',
    storeId: merchant.storeId,
    terminalId: 'T0001',
    amountFen: 100,
    card: { bin: '622848', last4: '0018', hostToken: pan, cardType: 'debit' },
  });
  expect(reply.json().error.code).toBe('card_number_not_allowed');
  const paid = await owner.request('POST', '/api/v1/payments', {
    method: 'payment_code',
    storeId: merchant.storeId,
    amountFen: 100,
    authCode: '134567890123456789',
  });
  expect(paid.json().status).toBe('succeeded');
  expect(lines.length).toBeGreaterThan(5);
  const everything = lines.join('\n');
  expect(everything).not.toContain(pan);
  expect(everything).not.toContain('134567890123456789');
});
