import type { FieldError, LocalisedText } from '../../platform/errors/app-error.js';
import {
  checkBankAccountNumber,
  normaliseAccountNumber,
} from '../../platform/validation/bank-card.js';
import { checkResidentId, normaliseResidentId } from '../../platform/validation/resident-id.js';
import { isSettlementBank } from './settlement-banks.js';

/**
 * What a registration form says about a person's name, ID number and bank card, in words the
 * clerk at the counter (or the purchaser in the field) follows.
 */
export const personAccountMessages = {
  required: { zh: '请填写此项', en: 'Please fill this in' },
  id_format: {
    zh: '身份证号码应为 18 位，最后一位可以是 X',
    en: 'A resident ID number has 18 characters; the last one may be X',
  },
  id_birth_date: {
    zh: '身份证号码里的出生日期不存在，请对照证件核对',
    en: 'The birth date in the ID number is not a real date; check it against the card',
  },
  id_check_digit: {
    zh: '身份证号码最后一位校验码不符，请逐位核对',
    en: 'The last (check) character of the ID number does not match; check each digit',
  },
  account_format: {
    zh: '银行卡号应为 16 到 19 位数字',
    en: 'A bank card number has 16 to 19 digits',
  },
  bank_unknown: {
    zh: '请从列表中选择开户银行',
    en: 'Please choose the bank from the list',
  },
} satisfies Record<string, LocalisedText>;

export type PersonAccountInput = {
  name: string;
  idNumber: string;
  accountNumber: string;
  bankCode: string;
};

/** A person's details as they are stored: normalised, with the Luhn soft-check result. */
export type CheckedPersonAccount = {
  name: string;
  idNumber: string;
  accountNumber: string;
  accountLuhnOk: boolean;
  bankCode: string;
};

/**
 * Checks a person who is paid into (or pays from) their own bank card, with the rules of
 * DOMAIN.md §2, and reports every problem at once, in the order of the form. A card number
 * that fails Luhn is accepted and flagged: some real UnionPay debit cards fail it. The values
 * come back normalised even when there are errors, so a caller can go on checking its own
 * fields and report everything in one reply.
 */
export function checkPersonAccount(
  input: PersonAccountInput,
  today: Date,
): { person: CheckedPersonAccount; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (param: keyof PersonAccountInput, code: keyof typeof personAccountMessages) =>
    errors.push({ param, code, message: personAccountMessages[code] });

  const name = input.name.trim();
  const idNumber = normaliseResidentId(input.idNumber);
  const accountNumber = normaliseAccountNumber(input.accountNumber);
  const bankCode = input.bankCode.trim();
  if (!name) fail('name', 'required');

  if (!idNumber) fail('idNumber', 'required');
  else {
    const check = checkResidentId(idNumber, today);
    if (!check.ok) fail('idNumber', `id_${check.reason}`);
  }

  let accountLuhnOk = false;
  if (!accountNumber) fail('accountNumber', 'required');
  else {
    const check = checkBankAccountNumber(accountNumber);
    if (check.ok) accountLuhnOk = check.luhn;
    else fail('accountNumber', 'account_format');
  }

  if (!bankCode) fail('bankCode', 'required');
  else if (!isSettlementBank(bankCode)) fail('bankCode', 'bank_unknown');

  return { person: { name, idNumber, accountNumber, accountLuhnOk, bankCode }, errors };
}
