import { and, desc } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import { recordAudit } from '../audit/index.js';
import type { MerchantDeps } from './deps.js';
import { type MerchantFilter, merchantFilters } from './list-merchants.js';
import { toMerchantViews } from './merchant-view.js';
import { merchants } from './tables.js';

/** A bound on one export; a branch's merchants fit, a runaway query does not fill memory. */
export const maxExportRows = 50_000;
const batchSize = 1_000;

const columns = [
  { key: 'id', zh: '商户编号', en: 'Merchant id', width: 32 },
  { key: 'shortName', zh: '商户简称', en: 'Short name', width: 20 },
  { key: 'registeredName', zh: '商户名称', en: 'Registered name', width: 32 },
  { key: 'kind', zh: '类型', en: 'Kind', width: 18 },
  { key: 'status', zh: '状态', en: 'Status', width: 14 },
  { key: 'riskLevel', zh: '风险等级', en: 'Risk', width: 10 },
  { key: 'feePlan', zh: '费率方案', en: 'Fee plan', width: 18 },
  { key: 'branch', zh: '所属网点', en: 'Branch', width: 16 },
  { key: 'regionName', zh: '地区', en: 'Region', width: 24 },
  { key: 'mcc', zh: 'MCC', en: 'MCC', width: 8 },
  { key: 'legalRepName', zh: '法定代表人', en: 'Legal representative', width: 12 },
  { key: 'mobile', zh: '手机号', en: 'Mobile', width: 14 },
  { key: 'settlementAccountNumber', zh: '结算账号', en: 'Settlement account', width: 22 },
  { key: 'referralCode', zh: '推荐码', en: 'Referral code', width: 12 },
  { key: 'activatedAt', zh: '开通时间', en: 'Activated at', width: 22 },
] as const;

/**
 * The merchants of a list filter as an Excel workbook, personal data masked as on screen.
 * Read in id-ordered batches so memory stays flat; the export itself is audited.
 */
export async function exportMerchants(
  deps: MerchantDeps,
  caller: { principal: Principal; actor: Actor },
  input: { filter: MerchantFilter; language: 'zh-CN' | 'en' },
): Promise<Buffer> {
  const { db } = deps;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(input.language === 'en' ? 'Merchants' : '商户');
  sheet.columns = columns.map((column) => ({
    header: input.language === 'en' ? column.en : column.zh,
    key: column.key,
    width: column.width,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const filters = await merchantFilters(db, caller.principal, input.filter);
  let exported = 0;
  for (let offset = 0; offset < maxExportRows; offset += batchSize) {
    const rows = await db
      .select()
      .from(merchants)
      .where(and(...filters))
      .orderBy(desc(merchants.id))
      .limit(batchSize)
      .offset(offset);
    for (const view of await toMerchantViews(db, deps.encryptor, rows)) {
      sheet.addRow({ ...view, branch: view.orgNode.name });
    }
    exported += rows.length;
    if (rows.length < batchSize) break;
  }
  await db.transaction((tx) =>
    recordAudit(tx, deps.clock, caller.actor, {
      action: 'merchant.exported',
      targetType: 'merchant',
      targetId: null,
      scopePath: caller.principal.scopePath,
      after: { filter: input.filter, rows: exported },
    }),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
