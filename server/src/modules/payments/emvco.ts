import { assertFen } from '../../platform/money.js';
import { crc16CcittFalseHex } from './crc16.js';

/**
 * EMVCo merchant-presented QR payloads (DOMAIN.md §3), for UnionPay International style
 * acceptance beside the URL store code. A payload is a run of data objects, each
 * ID (2 digits) + LEN (2 digits) + value, ending with the CRC object `63 04 xxxx`.
 *
 * Lengths count characters, as the specification says, not bytes. A character here is a Unicode
 * code point: for ASCII and for every Chinese character in the Basic Multilingual Plane this
 * is the same as the string's `length`; a rare character outside it (e.g. 𠮷, U+20BB7) counts
 * as one character, where `length` would count two UTF-16 units. Only the alternate-language
 * template (64) may hold non-ASCII text; every other field is limited to printable ASCII. The
 * CRC is computed over the UTF-8 bytes, so a Chinese name counts 1 in its length and 3 in the
 * checksum input.
 */

export type EmvcoCodeKind = 'static' | 'dynamic';

/** Tag 15: the UnionPay merchant account, 31 digits in three parts. */
export type UnionPayMerchantAccount = {
  /** 8 digits. */
  acquirerIin: string;
  /** 8 digits. */
  forwardingIin: string;
  /** 15 digits. */
  merchantId: string;
};

/** Tag 62 sub-fields; each is printable ASCII, at most 25 characters. */
export type EmvcoAdditionalData = {
  billNumber?: string;
  mobileNumber?: string;
  storeLabel?: string;
  referenceLabel?: string;
  terminalLabel?: string;
  purpose?: string;
};

/** Tag 64, always in Chinese (language "ZH"): the name and city as the payer's app shows them. */
export type EmvcoAlternateLanguage = {
  /** At most 25 characters. */
  merchantName: string;
  /** At most 15 characters. */
  merchantCity?: string;
};

export type EmvcoPayloadInput = {
  kind: EmvcoCodeKind;
  unionPayAccount: UnionPayMerchantAccount;
  /** ISO 18245, 4 digits ("5411"). */
  mcc: string;
  /** Required on a dynamic code, refused on a static one: the payer types the amount. */
  amountFen?: number;
  /** Latin letters (printable ASCII), at most 25 characters. */
  merchantName: string;
  /** Printable ASCII, at most 15 characters. */
  merchantCity: string;
  /** Printable ASCII, at most 10 characters. */
  postalCode?: string;
  additionalData?: EmvcoAdditionalData;
  alternateLanguage?: EmvcoAlternateLanguage;
};

export type ParsedEmvcoPayload = {
  /**
   * Top-level tag → value, `63` included. Keys like "15" are array-index-like, so the object's
   * key order is not the payload's order.
   */
  fields: Readonly<Record<string, string>>;
  /** Template tag (26–51, 62, 64, 80–99) → sub-tag → value. */
  templates: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** From tag 01; undefined when the payload carries another value or none. */
  kind: EmvcoCodeKind | undefined;
  /** From tag 54, in fen. */
  amountFen: number | undefined;
  statedCrc: string;
  computedCrc: string;
  crcValid: boolean;
};

/** A payload that is not a well-formed run of data objects; `position` counts characters from 0. */
export class EmvcoFormatError extends Error {
  override readonly name = 'EmvcoFormatError';
  constructor(
    message: string,
    readonly position: number,
    readonly tag?: string,
  ) {
    super(message);
  }
}

const CNY_NUMERIC = '156';
const COUNTRY_CN = 'CN';
const MAX_PAYLOAD_CHARACTERS = 512;
/** 13 characters is the most tag 54 holds: "9999999999.99". */
const MAX_AMOUNT_FEN = 999_999_999_999;

const printableAscii = /^[\x20-\x7e]*$/;
const digits = /^[0-9]*$/;
/** Anything but control characters and lone surrogates, which no wallet can display. */
const displayableText = /^[^\p{Cc}\p{Cs}]*$/u;

const additionalDataTags: ReadonlyArray<readonly [keyof EmvcoAdditionalData, string]> = [
  ['billNumber', '01'],
  ['mobileNumber', '02'],
  ['storeLabel', '03'],
  ['referenceLabel', '05'],
  ['terminalLabel', '07'],
  ['purpose', '08'],
];

function characterCount(value: string): number {
  return Array.from(value).length;
}

type TextRule = {
  min?: number;
  max: number;
  charset: 'digits' | 'printable ASCII' | 'displayable text';
};

function checkText(field: string, value: unknown, rule: TextRule): string {
  if (typeof value !== 'string') throw new RangeError(`${field}: must be a string`);
  const pattern =
    rule.charset === 'digits'
      ? digits
      : rule.charset === 'printable ASCII'
        ? printableAscii
        : displayableText;
  if (!pattern.test(value)) throw new RangeError(`${field}: only ${rule.charset} is allowed`);
  const min = rule.min ?? 1;
  const count = characterCount(value);
  if (count < min || count > rule.max) {
    const wanted = min === rule.max ? `exactly ${min}` : `${min}–${rule.max}`;
    throw new RangeError(`${field}: must be ${wanted} characters, got ${count}`);
  }
  return value;
}

function dataObject(tag: string, value: string, field: string): string {
  const count = characterCount(value);
  if (count < 1 || count > 99) {
    throw new RangeError(`${field}: tag ${tag} must hold 1–99 characters, got ${count}`);
  }
  return `${tag}${String(count).padStart(2, '0')}${value}`;
}

/**
 * Tag 54 from integer fen: yuan, a point, two fen digits ("23.50", as the DOMAIN.md vector
 * writes it). Done on BigInt because a float division by 100 can round 0.99 up near 2^53.
 */
export function formatEmvcoAmount(amountFen: number): string {
  assertFen(amountFen);
  if (amountFen < 0 || amountFen > MAX_AMOUNT_FEN) {
    throw new RangeError(`amountFen: must be 0–${MAX_AMOUNT_FEN} fen, got ${amountFen}`);
  }
  const fen = BigInt(amountFen);
  return `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`;
}

/** Tag 54 back to fen; accepts "23", "23.5" and "23.50", which all mean 2350 fen. */
export function emvcoAmountToFen(value: string): number {
  const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) throw new RangeError(`amount "${value}" is not a decimal number of yuan`);
  const [, yuan = '0', fen = ''] = match;
  return Number(BigInt(yuan) * 100n + BigInt(fen.padEnd(2, '0')));
}

function unionPayAccountValue(account: UnionPayMerchantAccount): string {
  if (typeof account !== 'object' || account === null) {
    throw new RangeError('unionPayAccount: is required');
  }
  const acquirer = checkText('unionPayAccount.acquirerIin', account.acquirerIin, {
    min: 8,
    max: 8,
    charset: 'digits',
  });
  const forwarding = checkText('unionPayAccount.forwardingIin', account.forwardingIin, {
    min: 8,
    max: 8,
    charset: 'digits',
  });
  const merchantId = checkText('unionPayAccount.merchantId', account.merchantId, {
    min: 15,
    max: 15,
    charset: 'digits',
  });
  return `${acquirer}${forwarding}${merchantId}`;
}

function additionalDataValue(data: EmvcoAdditionalData): string {
  let value = '';
  for (const [key, subTag] of additionalDataTags) {
    const text = data[key];
    if (text === undefined) continue;
    const field = `additionalData.${key}`;
    value += dataObject(
      subTag,
      checkText(field, text, { max: 25, charset: 'printable ASCII' }),
      field,
    );
  }
  return value;
}

function alternateLanguageValue(alternate: EmvcoAlternateLanguage): string {
  const name = checkText('alternateLanguage.merchantName', alternate.merchantName, {
    max: 25,
    charset: 'displayable text',
  });
  let value = dataObject('00', 'ZH', 'alternateLanguage');
  value += dataObject('01', name, 'alternateLanguage.merchantName');
  if (alternate.merchantCity !== undefined) {
    const city = checkText('alternateLanguage.merchantCity', alternate.merchantCity, {
      max: 15,
      charset: 'displayable text',
    });
    value += dataObject('02', city, 'alternateLanguage.merchantCity');
  }
  return value;
}

/**
 * Builds the payload string to put into a QR code. Every field is checked before anything is
 * written; the first one out of bounds throws a RangeError that starts with its name.
 */
export function buildEmvcoPayload(input: EmvcoPayloadInput): string {
  if (input.kind !== 'static' && input.kind !== 'dynamic') {
    throw new RangeError(`kind: must be "static" or "dynamic", got ${String(input.kind)}`);
  }
  let amount: string | undefined;
  if (input.kind === 'dynamic') {
    if (input.amountFen === undefined) throw new RangeError('amountFen: a dynamic code needs one');
    assertFen(input.amountFen);
    if (input.amountFen < 1) throw new RangeError('amountFen: must be at least 1 fen');
    amount = formatEmvcoAmount(input.amountFen);
  } else if (input.amountFen !== undefined) {
    throw new RangeError('amountFen: a static code carries no amount; the payer enters it');
  }

  let payload = dataObject('00', '01', 'payloadFormatIndicator');
  payload += dataObject('01', input.kind === 'static' ? '11' : '12', 'kind');
  payload += dataObject('15', unionPayAccountValue(input.unionPayAccount), 'unionPayAccount');
  payload += dataObject(
    '52',
    checkText('mcc', input.mcc, { min: 4, max: 4, charset: 'digits' }),
    'mcc',
  );
  payload += dataObject('53', CNY_NUMERIC, 'currency');
  if (amount !== undefined) payload += dataObject('54', amount, 'amountFen');
  payload += dataObject('58', COUNTRY_CN, 'country');
  payload += dataObject(
    '59',
    checkText('merchantName', input.merchantName, { max: 25, charset: 'printable ASCII' }),
    'merchantName',
  );
  payload += dataObject(
    '60',
    checkText('merchantCity', input.merchantCity, { max: 15, charset: 'printable ASCII' }),
    'merchantCity',
  );
  if (input.postalCode !== undefined) {
    payload += dataObject(
      '61',
      checkText('postalCode', input.postalCode, { max: 10, charset: 'printable ASCII' }),
      'postalCode',
    );
  }
  if (input.additionalData !== undefined) {
    const value = additionalDataValue(input.additionalData);
    // An empty object means no additional data, not an empty template (which has no length).
    if (value !== '') payload += dataObject('62', value, 'additionalData');
  }
  if (input.alternateLanguage !== undefined) {
    payload += dataObject(
      '64',
      alternateLanguageValue(input.alternateLanguage),
      'alternateLanguage',
    );
  }

  // The checksum covers its own id and length, so they are appended before computing it.
  payload += '6304';
  payload += crc16CcittFalseHex(new TextEncoder().encode(payload));
  const length = characterCount(payload);
  if (length > MAX_PAYLOAD_CHARACTERS) {
    throw new RangeError(`payload: ${length} characters, at most ${MAX_PAYLOAD_CHARACTERS}`);
  }
  return payload;
}

type RawDataObject = { tag: string; value: string; position: number };

/** Reads data objects from chars[start, end); positions in errors are absolute. */
function readDataObjects(
  chars: readonly string[],
  start: number,
  end: number,
  where: string,
): RawDataObject[] {
  const objects: RawDataObject[] = [];
  const seen = new Set<string>();
  let position = start;
  while (position < end) {
    if (end - position < 4) {
      throw new EmvcoFormatError(
        `${where}: ${end - position} character(s) left at position ${position}, too few for an id and a length`,
        position,
      );
    }
    const tag = chars.slice(position, position + 2).join('');
    if (!/^\d\d$/.test(tag)) {
      throw new EmvcoFormatError(
        `${where}: id "${tag}" at position ${position} is not two digits`,
        position,
      );
    }
    const lengthText = chars.slice(position + 2, position + 4).join('');
    if (!/^\d\d$/.test(lengthText)) {
      throw new EmvcoFormatError(
        `${where}: length "${lengthText}" of tag ${tag} at position ${position + 2} is not two digits`,
        position + 2,
        tag,
      );
    }
    const length = Number(lengthText);
    const valueStart = position + 4;
    if (length === 0) {
      throw new EmvcoFormatError(
        `${where}: tag ${tag} at position ${position} has length 00`,
        position,
        tag,
      );
    }
    if (valueStart + length > end) {
      throw new EmvcoFormatError(
        `${where}: tag ${tag} at position ${position} declares ${length} characters but only ${end - valueStart} remain`,
        position,
        tag,
      );
    }
    if (seen.has(tag)) {
      throw new EmvcoFormatError(
        `${where}: tag ${tag} at position ${position} appears a second time`,
        position,
        tag,
      );
    }
    seen.add(tag);
    objects.push({ tag, value: chars.slice(valueStart, valueStart + length).join(''), position });
    position = valueStart + length;
  }
  return objects;
}

function isTemplateTag(tag: string): boolean {
  const id = Number(tag);
  return (id >= 26 && id <= 51) || id === 62 || id === 64 || id >= 80;
}

/**
 * Reads a payload. A structural fault throws an EmvcoFormatError naming the position and tag; a
 * wrong checksum does not throw, it answers `crcValid: false`, so a caller can tell a damaged
 * or forged code from garbage. The CRC must be exactly the 4 uppercase hex digits computed.
 */
export function parseEmvcoPayload(payload: string): ParsedEmvcoPayload {
  const chars = Array.from(payload);
  if (chars.length === 0) throw new EmvcoFormatError('payload is empty', 0);
  const objects = readDataObjects(chars, 0, chars.length, 'payload');

  const first = objects[0];
  if (first?.tag !== '00') {
    throw new EmvcoFormatError('payload: tag 00 (payload format indicator) must come first', 0);
  }
  if (first.value !== '01') {
    throw new EmvcoFormatError(`payload: format indicator "${first.value}" is not "01"`, 0, '00');
  }
  const crcIndex = objects.findIndex((object) => object.tag === '63');
  const crcObject = objects[crcIndex];
  if (crcObject === undefined) {
    throw new EmvcoFormatError('payload: no CRC (tag 63)', chars.length, '63');
  }
  if (crcIndex !== objects.length - 1) {
    throw new EmvcoFormatError(
      `payload: the CRC (tag 63) at position ${crcObject.position} is not the last data object`,
      crcObject.position,
      '63',
    );
  }
  if (crcObject.value.length !== 4) {
    throw new EmvcoFormatError(
      `payload: the CRC (tag 63) at position ${crcObject.position} must be 4 characters`,
      crcObject.position,
      '63',
    );
  }

  const fields: Record<string, string> = {};
  const templates: Record<string, Record<string, string>> = {};
  for (const object of objects) {
    fields[object.tag] = object.value;
    if (!isTemplateTag(object.tag)) continue;
    const valueStart = object.position + 4;
    const subFields: Record<string, string> = {};
    const valueEnd = valueStart + characterCount(object.value);
    for (const sub of readDataObjects(chars, valueStart, valueEnd, `template ${object.tag}`)) {
      subFields[sub.tag] = sub.value;
    }
    templates[object.tag] = subFields;
  }

  const computedCrc = crc16CcittFalseHex(
    new TextEncoder().encode(chars.slice(0, crcObject.position + 4).join('')),
  );
  const kindValue = fields['01'];
  const amountValue = fields['54'];
  let amountFen: number | undefined;
  if (amountValue !== undefined) {
    try {
      amountFen = emvcoAmountToFen(amountValue);
    } catch {
      const position = objects.find((object) => object.tag === '54')?.position ?? 0;
      throw new EmvcoFormatError(
        `payload: amount "${amountValue}" (tag 54) at position ${position} is not a decimal number`,
        position,
        '54',
      );
    }
  }
  return {
    fields,
    templates,
    kind: kindValue === '11' ? 'static' : kindValue === '12' ? 'dynamic' : undefined,
    amountFen,
    statedCrc: crcObject.value,
    computedCrc,
    crcValid: crcObject.value === computedCrc,
  };
}
