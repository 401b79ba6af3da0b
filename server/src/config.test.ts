import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('starts embedded on port 3000 with PGlite under ./data/pglite and MFA relaxed', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.resolve('data', 'pglite') });
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.mfaEnforced).toBe(false);
    expect(config.seedDemo).toBe(true);
    expect(config.role).toBe('all');
    expect(config.sessionIdleMs).toBe(30 * 60_000);
  });

  it('reads the settlement settings: cut-off as Shanghai HH:MM (23:00), D0 premium (10 bp), the bank account, and refuses other forms', () => {
    expect(loadConfig({}).settlementCutoffMinutes).toBe(23 * 60);
    expect(loadConfig({ SETTLEMENT_CUTOFF: '21:30' }).settlementCutoffMinutes).toBe(21 * 60 + 30);
    expect(() => loadConfig({ SETTLEMENT_CUTOFF: '24:00' })).toThrow(ConfigError);
    expect(() => loadConfig({ SETTLEMENT_CUTOFF: '9:00' })).toThrow(ConfigError);
    expect(loadConfig({}).d0PremiumBp).toBe(10);
    expect(loadConfig({ SETTLEMENT_D0_PREMIUM_BP: '25' }).d0PremiumBp).toBe(25);
    expect(() => loadConfig({ SETTLEMENT_D0_PREMIUM_BP: '2000' })).toThrow(ConfigError);
    expect(() => loadConfig({ BANK_SETTLEMENT_ACCOUNT: '12ab' })).toThrow(ConfigError);
  });

  it('puts the embedded database under the chosen data folder', () => {
    const config = loadConfig({ SHAREFIN_DATA_DIR: '/var/lib/sharefin' });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/var/lib/sharefin/pglite' });
  });

  it('uses PostgreSQL and enforces MFA when DATABASE_URL is set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://bank@db.internal:5432/sharefin',
      PORT: '8080',
    });
    expect(config.port).toBe(8080);
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://bank@db.internal:5432/sharefin',
      poolMax: 10,
    });
    expect(config.mfaEnforced).toBe(true);
  });

  it('lets an operator turn MFA enforcement off on PostgreSQL, or on for the embedded demo', () => {
    expect(
      loadConfig({ DATABASE_URL: 'postgresql://db/sharefin', SHAREFIN_MFA_ENFORCEMENT: 'off' })
        .mfaEnforced,
    ).toBe(false);
    expect(loadConfig({ SHAREFIN_MFA_ENFORCEMENT: 'on' }).mfaEnforced).toBe(true);
  });

  it.each([
    ['PORT', 'http'],
    ['PORT', '70000'],
    ['PORT', '0'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'mysql://db/sharefin'],
    ['DATABASE_URL', 'db.internal:5432'],
    ['SHAREFIN_MFA_ENFORCEMENT', 'maybe'],
    ['SHAREFIN_ENCRYPTION_KEY', 'abc123'],
    ['DATABASE_POOL_MAX', '0'],
    ['LOG_LEVEL', 'verbose'],
  ])('refuses %s=%s with a ConfigError naming the setting', (name, value) => {
    let thrown: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toContain(`${name}:`);
  });

  it('lists every bad setting at once', () => {
    expect(() => loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://db' })).toThrow(
      /PORT:[\s\S]*DATABASE_URL:|DATABASE_URL:[\s\S]*PORT:/,
    );
  });
});
