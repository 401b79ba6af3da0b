import { and, eq, inArray } from 'drizzle-orm';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import type { Db } from '../../platform/db/database.js';
import { maskField } from '../../platform/masking.js';
import { orgNodes, regionFullName } from '../orgs/index.js';
import type { MerchantView } from './schemas.js';
import { type MerchantRow, merchants, settlementAccountChanges } from './tables.js';

/** Decrypts a stored personal field and masks it by the field's rule, for a reply. */
export function maskedPersonal(encryptor: Encryptor, field: string, stored: string | null) {
  return stored === null ? null : (maskField(field, encryptor.decrypt(stored)) as string);
}

/** The reply shape of merchants, with what they refer to fetched in one query each. */
export async function toMerchantViews(
  db: Db,
  encryptor: Encryptor,
  rows: MerchantRow[],
): Promise<MerchantView[]> {
  if (rows.length === 0) return [];
  const nodeIds = [...new Set(rows.map((row) => row.orgNodeId))];
  const referrerIds = [
    ...new Set(rows.flatMap((row) => (row.referredByMerchantId ? [row.referredByMerchantId] : []))),
  ];
  const [nodes, referrers, changes] = await Promise.all([
    db
      .select({ id: orgNodes.id, code: orgNodes.code, name: orgNodes.name })
      .from(orgNodes)
      .where(inArray(orgNodes.id, nodeIds)),
    referrerIds.length
      ? db
          .select({ id: merchants.id, shortName: merchants.shortName })
          .from(merchants)
          .where(inArray(merchants.id, referrerIds))
      : Promise.resolve([]),
    db
      .select()
      .from(settlementAccountChanges)
      .where(
        and(
          inArray(
            settlementAccountChanges.merchantId,
            rows.map((row) => row.id),
          ),
          eq(settlementAccountChanges.status, 'pending'),
        ),
      ),
  ]);
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const referrerById = new Map(referrers.map((referrer) => [referrer.id, referrer]));
  const changeByMerchant = new Map(changes.map((change) => [change.merchantId, change]));
  return rows.map((row) => {
    const change = changeByMerchant.get(row.id);
    return {
      id: row.id,
      status: row.status,
      kind: row.kind,
      channel: row.channel,
      registeredName: row.registeredName,
      shortName: row.shortName,
      creditCode: row.creditCode,
      legalRepName: maskField('legalRepName', row.legalRepName) as string | null,
      legalRepIdNumber: maskedPersonal(encryptor, 'idNumber', row.legalRepIdNumberEnc),
      mobile: maskedPersonal(encryptor, 'mobile', row.mobileEnc),
      regionCode: row.regionCode,
      regionName: row.regionCode ? regionFullName(row.regionCode) : null,
      address: row.address,
      mcc: row.mcc,
      settlementAccountName: maskField('accountName', row.settlementAccountName) as string | null,
      settlementAccountNumber: maskedPersonal(
        encryptor,
        'accountNumber',
        row.settlementAccountNumberEnc,
      ),
      settlementBankCode: row.settlementBankCode,
      orgNode: nodeById.get(row.orgNodeId) ?? { id: row.orgNodeId, code: '', name: '' },
      referralCode: row.referralCode,
      referredBy: row.referredByMerchantId
        ? (referrerById.get(row.referredByMerchantId) ?? null)
        : null,
      reviewFlags: row.reviewFlags,
      riskLevel: row.riskLevel,
      feePlan: row.feePlan,
      reviewerUserId: row.reviewerUserId,
      recommendedAt: row.recommendedAt?.toISOString() ?? null,
      approverUserId: row.approverUserId,
      statusReason: row.statusReason,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      activatedAt: row.activatedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      pendingAccountChange: change
        ? {
            id: change.id,
            status: change.status,
            accountName: maskField('accountName', change.accountName) as string,
            accountNumber:
              maskedPersonal(encryptor, 'accountNumber', change.accountNumberEnc) ?? '',
            bankCode: change.bankCode,
            requestedAt: change.requestedAt.toISOString(),
            effectiveAt: change.effectiveAt.toISOString(),
          }
        : null,
    };
  });
}

export async function toMerchantView(
  db: Db,
  encryptor: Encryptor,
  row: MerchantRow,
): Promise<MerchantView> {
  const [view] = await toMerchantViews(db, encryptor, [row]);
  if (!view) throw new Error('unreachable: one row gives one view');
  return view;
}
