import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { maskField } from '../../platform/masking.js';
import { type PageQuery, toPage } from '../../platform/pagination.js';
import { recordAudit } from '../audit/index.js';
import { type MerchantDeps, merchantScopePath } from '../merchants/index.js';
import { checkBuyer } from './buyer-checks.js';
import { callerMerchant, operatedMarket } from './market-scope.js';
import type { BuyerView, RegisterBuyerInput } from './schemas.js';
import { buyerMembers } from './tables.js';

type BuyerRow = typeof buyerMembers.$inferSelect;

/** A buyer as every reply shows it: the name, ID number and card number masked. */
export function toBuyerView(encryptor: Encryptor, row: BuyerRow): BuyerView {
  return {
    id: row.id,
    marketId: row.marketId,
    name: maskField('personName', row.name) as string,
    idNumber: maskField('idNumber', encryptor.decrypt(row.idNumberEnc)) as string,
    accountNumber: maskField('accountNumber', encryptor.decrypt(row.accountNumberEnc)) as string,
    accountLuhnOk: row.accountLuhnOk,
    bankCode: row.bankCode,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The buyers of a market the caller may already see (the route checked it), newest first. */
export async function listBuyers(
  db: Db,
  encryptor: Encryptor,
  marketId: string,
  query: PageQuery,
): Promise<{ data: BuyerView[]; hasMore: boolean }> {
  const filters: SQL[] = [eq(buyerMembers.marketId, marketId)];
  if (query.startingAfter) filters.push(lt(buyerMembers.id, query.startingAfter));
  const rows = await db
    .select()
    .from(buyerMembers)
    .where(and(...filters))
    .orderBy(desc(buyerMembers.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  return { data: page.data.map((row) => toBuyerView(encryptor, row)), hasMore: page.hasMore };
}

/**
 * A market operator registers a buyer member. The ID number and card number are stored only
 * encrypted; the blind index of the ID number finds a buyer already registered in the market
 * without decrypting anyone. The market row is locked so two clerks registering the same
 * person at once meet at the check, not at the unique index.
 */
export async function registerBuyer(
  tx: Db,
  deps: Pick<MerchantDeps, 'clock' | 'encryptor'>,
  caller: { principal: Principal; actor: Actor },
  marketId: string,
  input: RegisterBuyerInput,
): Promise<BuyerView> {
  const market = await operatedMarket(tx, caller.principal, marketId, { forUpdate: true });
  const operator = await callerMerchant(tx, caller.principal);
  if (operator.status !== 'active') throw new AppError('merchant_not_active');
  if (market.status !== 'open') throw new AppError('market_closed');
  const now = deps.clock.now();
  const checked = checkBuyer(input, now);
  if (!checked.ok) {
    throw new AppError('validation_failed', {
      param: checked.errors[0]?.param,
      fieldErrors: checked.errors,
    });
  }
  const { buyer } = checked;
  const idNumberIndex = deps.encryptor.blindIndex(buyer.idNumber);
  const [existing] = await tx
    .select({ id: buyerMembers.id })
    .from(buyerMembers)
    .where(
      and(eq(buyerMembers.marketId, market.id), eq(buyerMembers.idNumberIndex, idNumberIndex)),
    );
  if (existing) throw new AppError('buyer_exists', { param: 'idNumber' });
  const [row] = await tx
    .insert(buyerMembers)
    .values({
      id: newId('buyer', now.getTime()),
      marketId: market.id,
      name: buyer.name,
      idNumberEnc: deps.encryptor.encrypt(buyer.idNumber),
      idNumberIndex,
      accountNumberEnc: deps.encryptor.encrypt(buyer.accountNumber),
      accountLuhnOk: buyer.accountLuhnOk,
      bankCode: buyer.bankCode,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('Buyer insert returned no row');
  await recordAudit(tx, deps.clock, caller.actor, {
    action: 'market.buyer_registered',
    targetType: 'buyer_member',
    targetId: row.id,
    scopePath: await merchantScopePath(tx, operator),
    // The audit log masks by field name, so the buyer's name goes in as a person's name.
    after: {
      marketId: market.id,
      personName: buyer.name,
      idNumber: buyer.idNumber,
      accountNumber: buyer.accountNumber,
      accountLuhnOk: buyer.accountLuhnOk,
      bankCode: buyer.bankCode,
    },
  });
  return toBuyerView(deps.encryptor, row);
}
