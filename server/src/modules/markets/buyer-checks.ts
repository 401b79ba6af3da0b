import type { FieldError, LocalisedText } from '../../platform/errors/app-error.js';
import {
  checkBankAccountNumber,
  normaliseAccountNumber,
} from '../../platform/validation/bank-card.js';
import { checkResidentId, normaliseResidentId } from '../../platform/validation/resident-id.js';
import { isSettlementBank } from '../merchants/settlement-banks.js';
import type { RegisterBuyerInput } from './schemas.js';

/** What the registration form says about each problem, in words the market's clerk follows. */
const messages = {
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

/** A buyer's details as they are stored: normalised, with the Luhn soft-check result. */
export type CheckedBuyer = {
  name: string;
  idNumber: string;
  accountNumber: string;
  accountLuhnOk: boolean;
  bankCode: string;
};

/**
 * Checks a buyer registration with the rules of a merchant application (DOMAIN.md §2) and
 * reports every problem at once. A card number that fails Luhn is accepted and flagged: some
 * real UnionPay debit cards fail it.
 */
export function checkBuyer(
  input: RegisterBuyerInput,
  today: Date,
): { ok: true; buyer: CheckedBuyer } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (param: keyof RegisterBuyerInput, code: keyof typeof messages) =>
    errors.push({ param, code, message: messages[code] });

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

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, buyer: { name, idNumber, accountNumber, accountLuhnOk, bankCode } };
}
