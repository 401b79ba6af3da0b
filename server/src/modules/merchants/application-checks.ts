import type { FieldError, LocalisedText } from '../../platform/errors/app-error.js';
import { checkBankAccountNumber } from '../../platform/validation/bank-card.js';
import { checkCreditCode } from '../../platform/validation/credit-code.js';
import { isMobileNumber } from '../../platform/validation/mobile.js';
import { checkResidentId } from '../../platform/validation/resident-id.js';
import { findRegion } from '../orgs/index.js';
import { isMcc } from './mcc-codes.js';
import { isSettlementBank } from './settlement-banks.js';
import type { DocumentType, MerchantKind } from './tables.js';

/** The application as stored, decrypted: what the checks look at. */
export type ApplicationContent = {
  kind: MerchantKind;
  registeredName: string | null;
  shortName: string | null;
  creditCode: string | null;
  legalRepName: string | null;
  legalRepIdNumber: string | null;
  mobile: string | null;
  regionCode: string | null;
  address: string | null;
  mcc: string | null;
  settlementAccountName: string | null;
  settlementAccountNumber: string | null;
  settlementBankCode: string | null;
  referralCodeGiven: string | null;
};

/** Things the checks could not confirm: the application goes on, a reviewer looks at them. */
export type ReviewFlag = 'credit_code_check_failed' | 'account_luhn_failed';

const messages = {
  required: { zh: '请填写此项', en: 'Please fill this in' },
  document_required: { zh: '请上传此材料', en: 'Please upload this document' },
  credit_code_format: {
    zh: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）',
    en: 'The unified social credit code has 18 digits or capital letters (no I, O, S, V, Z)',
  },
  id_format: {
    zh: '身份证号应为 18 位，最后一位可以是 X',
    en: 'The ID number has 18 characters; the last may be X',
  },
  id_birth_date: {
    zh: '身份证号中的出生日期不存在，请核对',
    en: 'The birth date inside the ID number is not a real date; please check it',
  },
  id_check_digit: {
    zh: '身份证号校验位不对，请逐位核对',
    en: 'The ID number’s check character does not match; please check each digit',
  },
  id_minor: {
    zh: '法定代表人须年满 18 周岁',
    en: 'The legal representative must be at least 18 years old',
  },
  mobile_format: {
    zh: '手机号应为 11 位，以 1 开头',
    en: 'A mobile number has 11 digits and starts with 1',
  },
  region_county: {
    zh: '请选择到区县一级',
    en: 'Please choose down to the county or district',
  },
  mcc_unknown: { zh: '请从列表中选择经营类目', en: 'Please choose a category from the list' },
  bank_unknown: { zh: '请从列表中选择开户银行', en: 'Please choose the bank from the list' },
  account_format: {
    zh: '银行账号应为 16 到 19 位数字',
    en: 'A bank account number has 16 to 19 digits',
  },
} satisfies Record<string, LocalisedText>;

type MessageKey = keyof typeof messages;

/** Whether a kind trades under a business licence (a micro merchant has none). */
export function needsLicence(kind: MerchantKind): boolean {
  return kind !== 'micro';
}

export function requiredDocuments(kind: MerchantKind): DocumentType[] {
  const documents: DocumentType[] = ['id_front', 'id_back', 'storefront'];
  return needsLicence(kind) ? ['licence', ...documents] : documents;
}

/**
 * Checks a whole application before it is submitted and reports every problem at once, by
 * field, in words the applicant understands. Check-digit failures that real, legitimate
 * identifiers sometimes have (early credit codes, some debit cards) are flags, not errors.
 */
export function checkApplication(
  content: ApplicationContent,
  documentTypes: ReadonlySet<DocumentType>,
  today: Date,
): { errors: FieldError[]; flags: ReviewFlag[] } {
  const errors: FieldError[] = [];
  const flags: ReviewFlag[] = [];
  const fail = (param: string, code: MessageKey) =>
    errors.push({ param, code, message: messages[code] });
  const licensed = needsLicence(content.kind);

  const required: Array<keyof ApplicationContent> = [
    'shortName',
    'legalRepName',
    'legalRepIdNumber',
    'mobile',
    'regionCode',
    'address',
    'mcc',
    'settlementAccountName',
    'settlementAccountNumber',
    'settlementBankCode',
    ...(licensed ? (['registeredName', 'creditCode'] as const) : []),
  ];
  for (const field of required) if (!content[field]) fail(field, 'required');

  if (content.creditCode) {
    const check = checkCreditCode(content.creditCode);
    if (!check.ok && check.reason === 'format') fail('creditCode', 'credit_code_format');
    if (!check.ok && check.reason === 'check_digit') flags.push('credit_code_check_failed');
  }
  if (content.legalRepIdNumber) {
    const check = checkResidentId(content.legalRepIdNumber, today);
    if (!check.ok) fail('legalRepIdNumber', `id_${check.reason}`);
    else if (!isAdult(check.birthDate, today)) fail('legalRepIdNumber', 'id_minor');
  }
  if (content.mobile && !isMobileNumber(content.mobile)) fail('mobile', 'mobile_format');
  if (content.regionCode && findRegion(content.regionCode)?.level !== 'county') {
    fail('regionCode', 'region_county');
  }
  if (content.mcc && !isMcc(content.mcc)) fail('mcc', 'mcc_unknown');
  if (content.settlementBankCode && !isSettlementBank(content.settlementBankCode)) {
    fail('settlementBankCode', 'bank_unknown');
  }
  if (content.settlementAccountNumber) {
    const check = checkBankAccountNumber(content.settlementAccountNumber);
    if (!check.ok) fail('settlementAccountNumber', 'account_format');
    else if (!check.luhn) flags.push('account_luhn_failed');
  }
  for (const type of requiredDocuments(content.kind)) {
    if (!documentTypes.has(type)) fail(`documents.${type}`, 'document_required');
  }
  return { errors, flags };
}

function isAdult(birthDate: string, today: Date): boolean {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const adultOn = new Date(Date.UTC(year + 18, month - 1, day));
  return adultOn.getTime() <= today.getTime();
}
