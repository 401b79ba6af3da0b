import { AppError } from '../../platform/errors/app-error.js';

/** 13–19 digits in a row, optionally grouped by spaces or dashes: the shape of a card number. */
const panLike = /(?:\d[ -]?){13,19}/;

/**
 * Refuses a request that carries anything shaped like a full card number, wherever it is in
 * the body, before validation or logging sees it: the platform stores BIN + last four and the
 * acquiring host's token only (DOMAIN.md §3), and the refusal never echoes the value.
 */
export function refuseCardNumbers(body: unknown, path = ''): void {
  if (typeof body === 'string') {
    if (panLike.test(body))
      throw new AppError('card_number_not_allowed', { param: path || 'body' });
    return;
  }
  if (Array.isArray(body)) {
    for (const [index, item] of body.entries()) refuseCardNumbers(item, `${path}[${index}]`);
    return;
  }
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) {
      // A payment code is 16–24 digits by design; it is the one long digit string allowed.
      if (path === '' && key === 'authCode') continue;
      refuseCardNumbers(value, path ? `${path}.${key}` : key);
    }
    return;
  }
  if (typeof body === 'number' && String(body).length >= 13) {
    throw new AppError('card_number_not_allowed', { param: path || 'body' });
  }
}
