/**
 * Banks a merchant can settle to, keyed by the 3-digit bank category code that opens a CNAPS
 * bank code (行别代码). The category, not the full 12-digit branch code, is what a merchant
 * picks; the branch is taken from the account opening details.
 */

export type SettlementBank = { readonly code: string; readonly zh: string; readonly en: string };

export const settlementBanks = [
  // Large state-owned commercial banks.
  { code: '102', zh: '中国工商银行', en: 'Industrial and Commercial Bank of China' },
  { code: '103', zh: '中国农业银行', en: 'Agricultural Bank of China' },
  { code: '104', zh: '中国银行', en: 'Bank of China' },
  { code: '105', zh: '中国建设银行', en: 'China Construction Bank' },
  { code: '301', zh: '交通银行', en: 'Bank of Communications' },
  { code: '403', zh: '中国邮政储蓄银行', en: 'Postal Savings Bank of China' },
  // Joint-stock commercial banks.
  { code: '302', zh: '中信银行', en: 'China CITIC Bank' },
  { code: '303', zh: '中国光大银行', en: 'China Everbright Bank' },
  { code: '305', zh: '中国民生银行', en: 'China Minsheng Bank' },
  { code: '306', zh: '广发银行', en: 'China Guangfa Bank' },
  { code: '308', zh: '招商银行', en: 'China Merchants Bank' },
  { code: '309', zh: '兴业银行', en: 'Industrial Bank' },
  { code: '310', zh: '上海浦东发展银行', en: 'Shanghai Pudong Development Bank' },
  // Regional banks. 313 covers every city commercial bank, so it stays generic.
  { code: '313', zh: '城市商业银行', en: 'City commercial bank' },
  // 314 is the category of every rural commercial bank, not only ours; it carries the
  // platform's own name because that is the rural commercial bank nearly all merchants here
  // settle to. A branch code, not this label, identifies the actual bank.
  { code: '314', zh: '青岛农商银行', en: 'Qingdao Rural Commercial Bank' },
] as const satisfies readonly SettlementBank[];

export type SettlementBankCode = (typeof settlementBanks)[number]['code'];

const settlementBankCodeSet: ReadonlySet<string> = new Set(
  settlementBanks.map((bank) => bank.code),
);

export function isSettlementBank(code: string): code is SettlementBankCode {
  return settlementBankCodeSet.has(code);
}
