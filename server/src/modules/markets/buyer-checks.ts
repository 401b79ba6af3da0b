import type { FieldError } from '../../platform/errors/app-error.js';
import { type CheckedPersonAccount, checkPersonAccount } from '../merchants/index.js';
import type { RegisterBuyerInput } from './schemas.js';

/** A buyer's details as they are stored: normalised, with the Luhn soft-check result. */
export type CheckedBuyer = CheckedPersonAccount;

/**
 * Checks a buyer registration with the rules of a merchant application (DOMAIN.md §2) and
 * reports every problem at once. A buyer is nothing more than a person with a bank card, so
 * the checks are the shared ones of merchants/person-account-checks.ts.
 */
export function checkBuyer(
  input: RegisterBuyerInput,
  today: Date,
): { ok: true; buyer: CheckedBuyer } | { ok: false; errors: FieldError[] } {
  const { person, errors } = checkPersonAccount(input, today);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, buyer: person };
}
