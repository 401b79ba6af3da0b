import {
  type ApplicationFields,
  type DocumentType,
  documentTypes,
  type Merchant,
  type MerchantKind,
} from '../../app/api/merchant-types';

export const stepKeys = [
  'basic',
  'legalRep',
  'business',
  'settlement',
  'documents',
  'referral',
] as const;
export type StepKey = (typeof stepKeys)[number];

export type FieldName = keyof ApplicationFields;

/** Which step shows which field: a field error from the server sends the applicant there. */
export const stepFields: Record<StepKey, FieldName[]> = {
  basic: ['kind', 'registeredName', 'shortName', 'creditCode'],
  legalRep: ['legalRepName', 'legalRepIdNumber', 'mobile'],
  business: ['regionCode', 'address', 'mcc'],
  settlement: ['settlementAccountName', 'settlementAccountNumber', 'settlementBankCode'],
  documents: [],
  referral: ['referralCode'],
};

export const formFieldNames: FieldName[] = stepKeys.flatMap((step) => stepFields[step]);

/**
 * Fields the server only ever returns masked. The form starts them empty and sends them only
 * when retyped, so a masked value can never overwrite the real one.
 */
export const maskedFields = [
  'legalRepName',
  'legalRepIdNumber',
  'mobile',
  'settlementAccountName',
  'settlementAccountNumber',
] as const satisfies readonly FieldName[];

export type MaskedField = (typeof maskedFields)[number];

const maskedSet: ReadonlySet<string> = new Set(maskedFields);

/** A micro merchant trades without a licence, so it has no registered name or credit code. */
export const licenceFields: readonly FieldName[] = ['registeredName', 'creditCode'];

export function stepOfParam(param: string): number {
  if (param === 'documents' || param.startsWith('documents.')) {
    return stepKeys.indexOf('documents');
  }
  const field = param.replace(/^body\./, '').split('.')[0] ?? '';
  return stepKeys.findIndex((step) => stepFields[step].includes(field as FieldName));
}

export function documentTypeOfParam(param: string): DocumentType | undefined {
  const type = param.startsWith('documents.') ? param.slice('documents.'.length) : undefined;
  return documentTypes.find((known) => known === type);
}

export type FormValues = Partial<Record<FieldName, string>>;

export function initialFormValues(application: Merchant | undefined, kind: MerchantKind) {
  const values: FormValues = { kind };
  if (!application) return values;
  for (const name of formFieldNames) {
    if (maskedSet.has(name) || name === 'referralCode') continue;
    const value = application[name as keyof Merchant];
    if (typeof value === 'string' && value) values[name] = value;
  }
  return values;
}

/** The saved, masked value of a personal field, to show beside its empty input. */
export function savedMaskedValue(application: Merchant | undefined, name: FieldName) {
  if (!application || !maskedSet.has(name)) return null;
  const value = application[name as keyof Merchant];
  return typeof value === 'string' && value ? value : null;
}

/** Form values as the API takes them: trimmed, empty ones left out, identifiers normalised. */
export function toApplicationFields(values: FormValues): ApplicationFields {
  const fields: Record<string, string> = {};
  const kind = values.kind as MerchantKind | undefined;
  for (const name of formFieldNames) {
    let value = values[name]?.trim();
    if (!value) continue;
    if (kind === 'micro' && licenceFields.includes(name)) continue;
    if (name === 'creditCode' || name === 'legalRepIdNumber' || name === 'referralCode') {
      value = value.toUpperCase();
    }
    if (name === 'settlementAccountNumber' || name === 'mobile') value = value.replace(/\s+/g, '');
    fields[name] = value;
  }
  return fields as ApplicationFields;
}

export const formats = {
  creditCode: /^[0-9A-HJ-NP-RTUWXY]{18}$/,
  idNumber: /^\d{17}[\dX]$/,
  mobile: /^1\d{10}$/,
  accountNumber: /^\d{16,19}$/,
};

export const allowedDocumentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
export const maxDocumentBytes = 10 * 1024 * 1024;
export const maxStorefrontPhotos = 5;
