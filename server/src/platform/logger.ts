import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Fields never written to logs in clear: authentication data (C3) is removed, personal data
 * (C2) is censored. The same names are masked in audit records.
 */
const redactedFields = [
  'password',
  'currentPassword',
  'newPassword',
  'temporaryPassword',
  'recoveryCode',
  'recoveryCodes',
  'secret',
  'token',
  'idNumber',
  'mobile',
  'phone',
  'bankAccountNumber',
  'cardNumber',
  // A customer's payment code pays once for whoever holds it; a card's host token stands for
  // the card at the acquirer.
  'authCode',
  'hostToken',
  'cardToken',
];

// pino's redaction has no "any depth" wildcard and `*.password` does not match a top-level
// `password`, so each field is listed at the top level and one and two levels down: a use case
// logging `{ idNumber }` or `{ body: { customer: { idNumber } } }` must not leak it.
export const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  // A body's `code` is a one-time password; elsewhere `code` is an error code worth keeping.
  'body.code',
  '*.body.code',
  ...redactedFields.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
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
