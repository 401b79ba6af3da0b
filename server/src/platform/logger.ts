import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Fields never written to logs in clear: authentication data (C3) is removed, personal data
 * (C2) is censored. The same names are masked in audit records.
 */
export const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.temporaryPassword',
  '*.code',
  '*.recoveryCode',
  '*.recoveryCodes',
  '*.secret',
  '*.token',
  '*.idNumber',
  '*.mobile',
  '*.phone',
  '*.bankAccountNumber',
  '*.cardNumber',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    base: { service: 'sharefin' },
  };
}

export function createLogger(level: string): Logger {
  return pino(loggerOptions(level));
}
