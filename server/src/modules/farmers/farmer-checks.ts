import type { FieldError, LocalisedText } from '../../platform/errors/app-error.js';
import { isMobileNumber, normaliseMobile } from '../../platform/validation/mobile.js';
import { type CheckedPersonAccount, checkPersonAccount } from '../merchants/index.js';
import { findRegion, type Region } from '../orgs/regions.js';
import type { RegisterFarmerInput } from './schemas.js';

/** What the purchaser's app says about the fields a farmer has beyond a person with a card. */
const messages = {
  required: { zh: '请填写此项', en: 'Please fill this in' },
  region_unknown: {
    zh: '找不到这个行政区划代码，请从列表中选择农户所在的区县',
    en: 'No such administrative division code; choose the farmer’s county from the list',
  },
  region_too_coarse: {
    zh: '请选择到区县一级，不能只选省或市',
    en: 'Choose the county (or district), not only the province or city',
  },
  mobile_format: {
    zh: '手机号码应为 11 位，以 1 开头',
    en: 'A mobile number has 11 digits and starts with 1',
  },
} satisfies Record<string, LocalisedText>;

export type CheckedFarmer = CheckedPersonAccount & {
  region: Region;
  mobile: string | null;
};

/**
 * Checks a farmer's registration and reports every problem at once, in the order of the form.
 * Name, ID number and card follow the same rules as any person paid into their own card
 * (a card failing Luhn is kept and flagged). The village is given by its GB/T 2260 code and
 * must be a county, or a city with no counties under it: purchase volume is reported by
 * county, and a province or city says too little about where the produce grew.
 */
export function checkFarmer(
  input: RegisterFarmerInput,
  today: Date,
): { ok: true; farmer: CheckedFarmer } | { ok: false; errors: FieldError[] } {
  const { person, errors } = checkPersonAccount(input, today);
  const fail = (param: keyof RegisterFarmerInput, code: keyof typeof messages) =>
    errors.push({ param, code, message: messages[code] });

  const regionCode = input.regionCode.trim();
  const region = regionCode ? findRegion(regionCode) : undefined;
  if (!regionCode) fail('regionCode', 'required');
  else if (!region) fail('regionCode', 'region_unknown');
  else if (region.level !== 'county' && region.hasChildren) fail('regionCode', 'region_too_coarse');

  const mobile = input.mobile?.trim() ? normaliseMobile(input.mobile) : null;
  if (mobile !== null && !isMobileNumber(mobile)) fail('mobile', 'mobile_format');

  if (errors.length > 0 || !region) return { ok: false, errors };
  return { ok: true, farmer: { ...person, region, mobile } };
}
