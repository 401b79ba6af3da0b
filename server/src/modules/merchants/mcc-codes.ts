/**
 * Merchant category codes (ISO 18245) offered to small merchants at onboarding (DOMAIN.md §2).
 * The list is deliberately short: these are the categories the bank's merchants fall into, and
 * a code outside it needs a person to choose it, not a drop-down.
 */

export type MccEntry = { readonly code: string; readonly zh: string; readonly en: string };

export const mccCodes = [
  { code: '5411', zh: '超市/杂货店', en: 'Grocery stores and supermarkets' },
  { code: '5499', zh: '便利店', en: 'Convenience stores and specialty food markets' },
  { code: '5331', zh: '日用杂品店', en: 'Variety stores' },
  { code: '5311', zh: '百货商场', en: 'Department stores' },
  { code: '5300', zh: '会员制批发店', en: 'Wholesale clubs' },
  { code: '5422', zh: '肉类/冻品店', en: 'Meat provisioners' },
  { code: '5451', zh: '乳制品店', en: 'Dairy products stores' },
  { code: '5462', zh: '面包糕点店', en: 'Bakeries' },
  { code: '5812', zh: '餐馆', en: 'Eating places and restaurants' },
  { code: '5814', zh: '快餐店', en: 'Fast food restaurants' },
  { code: '5912', zh: '药店', en: 'Drug stores and pharmacies' },
  { code: '5992', zh: '花店', en: 'Florists' },
  { code: '0763', zh: '农业合作社', en: 'Agricultural co-operatives' },
  { code: '4900', zh: '公用事业（水电燃气）', en: 'Utilities: electric, gas, water' },
  { code: '4814', zh: '电信服务', en: 'Telecommunication services' },
  { code: '4111', zh: '市内公共交通', en: 'Local and suburban commuter transport' },
  { code: '4121', zh: '出租车', en: 'Taxicabs and limousines' },
  { code: '9311', zh: '税费缴纳', en: 'Tax payments' },
  { code: '9399', zh: '政府服务', en: 'Government services' },
] as const satisfies readonly MccEntry[];

export type MccCode = (typeof mccCodes)[number]['code'];

const mccCodeSet: ReadonlySet<string> = new Set(mccCodes.map((entry) => entry.code));

/** True for one of the codes above; the code is a 4-character string, leading zero kept. */
export function isMcc(code: string): code is MccCode {
  return mccCodeSet.has(code);
}
