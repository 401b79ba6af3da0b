import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logger.js';

/** A logger with the production options that writes its lines where the test can read them. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = pino(loggerOptions('info'), stream);
  return {
    logger,
    lines,
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('logger redaction', () => {
  it('censors passwords, one-time codes, secrets and personal data nested in a logged object', () => {
    const { logger, lines, records } = capturingLogger();
    logger.info(
      {
        body: {
          username: 'shinan.manager',
          password: 'Sharefin#2026',
          code: '123456',
          secret: 'JBSWY3DPEHPK3PXP',
        },
        customer: {
          idNumber: '370202199001011234',
          mobile: '13800138000',
          cardNumber: '6222020200112233445',
          name: '张三',
        },
        reply: { temporaryPassword: 'Tmp-abc-123', recoveryCodes: ['aaaa-bbbb'] },
      },
      'request body',
    );
    const text = lines.join('');
    for (const secret of [
      'Sharefin#2026',
      '123456',
      'JBSWY3DPEHPK3PXP',
      '370202199001011234',
      '13800138000',
      '6222020200112233445',
      'Tmp-abc-123',
      'aaaa-bbbb',
    ]) {
      expect(text).not.toContain(secret);
    }
    const [record] = records();
    expect(record?.body).toEqual({
      username: 'shinan.manager',
      password: '[redacted]',
      code: '[redacted]',
      secret: '[redacted]',
    });
    expect(record?.customer).toMatchObject({
      idNumber: '[redacted]',
      mobile: '[redacted]',
      name: '张三',
    });
    expect(record?.service).toBe('sharefin');
  });

  it('censors the session cookie, the CSRF token and Set-Cookie in request logs', () => {
    const { logger, lines, records } = capturingLogger();
    logger.info({
      req: {
        method: 'POST',
        url: '/api/v1/staff',
        headers: {
          cookie: 'sf_session=abcdef0123',
          'x-csrf-token': 'csrf-xyz-789',
          authorization: 'Bearer tok-456',
          'user-agent': 'vitest',
        },
      },
      res: { statusCode: 201, headers: { 'set-cookie': 'sf_session=fedcba9876; HttpOnly' } },
    });
    const text = lines.join('');
    for (const secret of ['abcdef0123', 'csrf-xyz-789', 'tok-456', 'fedcba9876'])
      expect(text).not.toContain(secret);
    const [record] = records() as Array<{ req: { headers: Record<string, string> } }>;
    expect(record?.req.headers['user-agent']).toBe('vitest');
    expect(record?.req.headers.cookie).toBe('[redacted]');
  });

  it('censors the fields at the top level and two levels down too', () => {
    const { logger, records } = capturingLogger();
    logger.warn(
      { idNumber: '370202199001011234', password: 'Sharefin#2026', merchant: 'mch_1' },
      'top level',
    );
    logger.warn({ body: { customer: { mobile: '13800138000' }, token: 'tok-1' } }, 'nested');
    const [top, nested] = records();
    expect(top).toMatchObject({
      idNumber: '[redacted]',
      password: '[redacted]',
      merchant: 'mch_1',
    });
    expect(nested?.body).toEqual({ customer: { mobile: '[redacted]' }, token: '[redacted]' });
  });

  it('writes nothing below the configured level', () => {
    const { logger, lines } = capturingLogger();
    logger.debug({ password: 'x' }, 'too detailed');
    logger.info('kept');
    expect(lines).toHaveLength(1);
  });
});
