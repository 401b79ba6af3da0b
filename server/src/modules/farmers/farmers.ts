import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { maskField, maskMobile } from '../../platform/masking.js';
import { type PageQuery, toPage } from '../../platform/pagination.js';
import { recordAudit } from '../audit/index.js';
import { merchantScopePath } from '../merchants/index.js';
import { regionFullName } from '../orgs/index.js';
import { checkFarmer } from './farmer-checks.js';
import { callerPurchaser } from './purchaser-scope.js';
import type { FarmerView, RegisterFarmerInput } from './schemas.js';
import { type FarmerRow, farmers } from './tables.js';

/** A farmer's name as everyone but the farmer sees it: the surname and a star. */
export function maskedFarmerName(encryptor: Encryptor, row: Pick<FarmerRow, 'nameEnc'>): string {
  return maskField('personName', encryptor.decrypt(row.nameEnc)) as string;
}

/** A farmer as every reply shows it: name, ID number, card number and mobile masked. */
export function toFarmerView(encryptor: Encryptor, row: FarmerRow): FarmerView {
  return {
    id: row.id,
    purchaserMerchantId: row.purchaserMerchantId,
    name: maskedFarmerName(encryptor, row),
    idNumber: maskField('idNumber', encryptor.decrypt(row.idNumberEnc)) as string,
    accountNumber: maskField('accountNumber', encryptor.decrypt(row.accountNumberEnc)) as string,
    accountLuhnOk: row.accountLuhnOk,
    bankCode: row.bankCode,
    regionCode: row.regionCode,
    regionName: regionFullName(row.regionCode),
    mobile: row.mobileEnc ? maskMobile(encryptor.decrypt(row.mobileEnc)) : null,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The purchaser's farmers, newest first. */
export async function listFarmers(
  db: Db,
  encryptor: Encryptor,
  principal: Principal,
  query: PageQuery,
): Promise<{ data: FarmerView[]; hasMore: boolean }> {
  const purchaser = await callerPurchaser(db, principal);
  const filters: SQL[] = [eq(farmers.purchaserMerchantId, purchaser.id)];
  if (query.startingAfter) filters.push(lt(farmers.id, query.startingAfter));
  const rows = await db
    .select()
    .from(farmers)
    .where(and(...filters))
    .orderBy(desc(farmers.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  return { data: page.data.map((row) => toFarmerView(encryptor, row)), hasMore: page.hasMore };
}

/** One of the purchaser's farmers, or a 404 naming the field, for another purchaser's too. */
export async function purchasersFarmer(
  db: Db,
  purchaserMerchantId: string,
  farmerId: string,
): Promise<FarmerRow> {
  const [farmer] = await db
    .select()
    .from(farmers)
    .where(and(eq(farmers.id, farmerId), eq(farmers.purchaserMerchantId, purchaserMerchantId)));
  if (!farmer) throw new AppError('resource_not_found', { param: 'farmerId' });
  return farmer;
}

/**
 * A produce purchaser registers a farmer. Everything personal is stored encrypted; the blind
 * index of the ID number finds the same person already registered by this purchaser, and the
 * conflict names that farmer so the purchaser can pay them instead of registering again. The
 * purchaser's row is locked so two phones registering the same person at once meet at the
 * check, not at the unique index.
 */
export async function registerFarmer(
  tx: Db,
  deps: { clock: Clock; encryptor: Encryptor },
  caller: { principal: Principal; actor: Actor },
  input: RegisterFarmerInput,
): Promise<FarmerView> {
  const purchaser = await callerPurchaser(tx, caller.principal, { write: true, forUpdate: true });
  const now = deps.clock.now();
  const checked = checkFarmer(input, now);
  if (!checked.ok) {
    throw new AppError('validation_failed', {
      param: checked.errors[0]?.param,
      fieldErrors: checked.errors,
    });
  }
  const { farmer } = checked;
  const idNumberIndex = deps.encryptor.blindIndex(farmer.idNumber);
  const [existing] = await tx
    .select()
    .from(farmers)
    .where(
      and(eq(farmers.purchaserMerchantId, purchaser.id), eq(farmers.idNumberIndex, idNumberIndex)),
    );
  if (existing) {
    const name = maskedFarmerName(deps.encryptor, existing);
    throw new AppError('farmer_exists', {
      param: 'idNumber',
      fieldErrors: [
        {
          param: 'idNumber',
          code: 'farmer_exists',
          message: {
            zh: `该身份证号已登记为农户 ${name}（${existing.id}）`,
            en: `This ID number is already registered as farmer ${name} (${existing.id})`,
          },
        },
      ],
    });
  }
  const [row] = await tx
    .insert(farmers)
    .values({
      id: newId('farmer', now.getTime()),
      purchaserMerchantId: purchaser.id,
      nameEnc: deps.encryptor.encrypt(farmer.name),
      idNumberEnc: deps.encryptor.encrypt(farmer.idNumber),
      idNumberIndex,
      accountNumberEnc: deps.encryptor.encrypt(farmer.accountNumber),
      accountLuhnOk: farmer.accountLuhnOk,
      bankCode: farmer.bankCode,
      regionCode: farmer.region.code,
      mobileEnc: farmer.mobile ? deps.encryptor.encrypt(farmer.mobile) : null,
      status: 'active',
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('Farmer insert returned no row');
  await recordAudit(tx, deps.clock, caller.actor, {
    action: 'farmer.registered',
    targetType: 'farmer',
    targetId: row.id,
    scopePath: await merchantScopePath(tx, purchaser),
    // The audit log masks by field name, so the farmer's name goes in as a person's name.
    after: {
      purchaserMerchantId: purchaser.id,
      personName: farmer.name,
      idNumber: farmer.idNumber,
      accountNumber: farmer.accountNumber,
      accountLuhnOk: farmer.accountLuhnOk,
      bankCode: farmer.bankCode,
      regionCode: farmer.region.code,
      mobile: farmer.mobile,
    },
  });
  return toFarmerView(deps.encryptor, row);
}
