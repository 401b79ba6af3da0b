import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../platform/validation/resident-id.js';
import { type ApplicationContent, checkApplication } from './application-checks.js';

const today = new Date('2026-11-22T04:00:00Z');

function residentId(birthDate: string): string {
  const first17 = `370202${birthDate}123`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

const complete: ApplicationContent = {
  kind: 'company',
  registeredName: '青岛海晨贸易有限公司',
  shortName: '海晨贸易',
  creditCode: '91350100M000100Y43',
  legalRepName: '李海晨',
  legalRepIdNumber: '34052419800101001X',
  mobile: '13805320000',
  regionCode: '370212',
  address: '崂山区松岭路 1 号',
  mcc: '5300',
  settlementAccountName: '青岛海晨贸易有限公司',
  settlementAccountNumber: '6222021234567890128',
  settlementBankCode: '102',
  referralCodeGiven: null,
};
const allDocuments = new Set(['licence', 'id_front', 'id_back', 'storefront'] as const);

describe('application checks', () => {
  it('pass a complete company application with no flags', () => {
    expect(checkApplication(complete, allDocuments, today)).toEqual({ errors: [], flags: [] });
  });

  it('refuse a legal representative under 18, to the day', () => {
    const turns18Tomorrow = { ...complete, legalRepIdNumber: residentId('20081123') };
    const turned18Today = { ...complete, legalRepIdNumber: residentId('20081122') };
    expect(checkApplication(turns18Tomorrow, allDocuments, today).errors).toEqual([
      expect.objectContaining({ param: 'legalRepIdNumber', code: 'id_minor' }),
    ]);
    expect(checkApplication(turned18Today, allDocuments, today).errors).toEqual([]);
  });

  it('name an impossible birth date inside a well-formed ID number', () => {
    const february30 = { ...complete, legalRepIdNumber: residentId('19800230') };
    expect(checkApplication(february30, allDocuments, today).errors).toEqual([
      expect.objectContaining({ param: 'legalRepIdNumber', code: 'id_birth_date' }),
    ]);
  });

  it('ask a company for its licence but not a micro merchant', () => {
    const noLicence = new Set(['id_front', 'id_back', 'storefront'] as const);
    expect(checkApplication(complete, noLicence, today).errors.map((e) => e.param)).toEqual([
      'documents.licence',
    ]);
    const micro = { ...complete, kind: 'micro' as const, registeredName: null, creditCode: null };
    expect(checkApplication(micro, noLicence, today).errors).toEqual([]);
  });

  it('flag, not refuse, a credit code whose check digit fails', () => {
    const earlyPilot = { ...complete, creditCode: '91350100M000100Y44' };
    expect(checkApplication(earlyPilot, allDocuments, today)).toEqual({
      errors: [],
      flags: ['credit_code_check_failed'],
    });
  });

  it('want a county, not a province or city', () => {
    for (const regionCode of ['370000', '370200']) {
      expect(
        checkApplication({ ...complete, regionCode }, allDocuments, today).errors[0]?.param,
      ).toBe('regionCode');
    }
  });
});
