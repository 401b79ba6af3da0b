import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { merchantRoles } from '../../platform/auth/permissions.js';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import { temporaryPassword } from '../../platform/crypto/passwords.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { pageSchema } from '../../platform/pagination.js';
import { isMobileNumber, normaliseMobile } from '../../platform/validation/mobile.js';
import { recordAudit } from '../audit/index.js';
import {
  createMerchantUser,
  findMerchantUser,
  listMerchantUsers,
  type MerchantUserRecord,
  updateMerchantUser,
} from '../identity/index.js';
import { merchantForChange } from './merchant-for-change.js';
import { merchantScopePath } from './merchant-scope.js';
import { maskedPersonal } from './merchant-view.js';
import { storeOfMerchant } from './stores.js';
import { stores } from './tables.js';

/** The roles the owner hands out in the portal; there is one owner, set at approval. */
const assignableRoles = ['merchant_manager', 'merchant_cashier'] as const;

export const merchantUserSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  mobile: z.string().nullable().describe('Masked: 3 + **** + 4'),
  role: z.enum(merchantRoles).nullable(),
  store: z.object({ id: z.string(), name: z.string() }).nullable(),
  disabled: z.boolean(),
  locked: z.boolean().describe('Locked after too many wrong passwords or codes'),
  lastLoginAt: z.iso.datetime().nullable(),
  passwordSet: z.boolean().describe('Whether the user has chosen their own password yet'),
  mustChangePassword: z.boolean(),
  mfaEnabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type MerchantUserView = z.infer<typeof merchantUserSchema>;
export const merchantUserPageSchema = pageSchema(merchantUserSchema);

export const createMerchantUserBodySchema = z.strictObject({
  displayName: z.string().trim().min(1).max(50),
  mobile: z.string().trim().min(1).max(20),
  role: z.enum(assignableRoles),
  storeId: z.string().min(1).max(64).optional().describe('Required for a cashier'),
});
export const updateMerchantUserBodySchema = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  role: z.enum(assignableRoles).optional(),
  storeId: z.string().min(1).max(64).nullable().optional(),
  disabled: z.boolean().optional(),
});

type Caller = { principal: Principal; actor: Actor };
type StaffDeps = { clock: Clock; encryptor: Encryptor };

async function toMerchantUserViews(
  db: Db,
  encryptor: Encryptor,
  records: MerchantUserRecord[],
): Promise<MerchantUserView[]> {
  const storeIds = [...new Set(records.flatMap((record) => record.storeId ?? []))];
  const storeRows = storeIds.length
    ? await db
        .select({ id: stores.id, name: stores.name })
        .from(stores)
        .where(inArray(stores.id, storeIds))
    : [];
  const storeById = new Map(storeRows.map((store) => [store.id, store]));
  return records.map((record) => ({
    id: record.id,
    displayName: record.displayName,
    mobile: maskedPersonal(encryptor, 'mobile', record.mobileEnc),
    role: record.role,
    store: record.storeId ? (storeById.get(record.storeId) ?? null) : null,
    disabled: record.disabledAt !== null,
    locked: record.lockedAt !== null,
    lastLoginAt: record.lastLoginAt?.toISOString() ?? null,
    passwordSet: record.passwordSetAt !== null,
    mustChangePassword: record.mustChangePassword,
    mfaEnabled: record.mfaEnabled,
    createdAt: record.createdAt.toISOString(),
  }));
}

async function toMerchantUserView(db: Db, encryptor: Encryptor, record: MerchantUserRecord) {
  const [view] = await toMerchantUserViews(db, encryptor, [record]);
  if (!view) throw new Error('unreachable: one record gives one view');
  return view;
}

/** The users of a merchant, for the bank's merchant detail and the owner's staff page alike. */
export async function listMerchantStaff(
  db: Db,
  encryptor: Encryptor,
  merchantId: string,
  page: { limit: number; startingAfter?: string | undefined },
) {
  const result = await listMerchantUsers(db, merchantId, page);
  return {
    data: await toMerchantUserViews(db, encryptor, result.data),
    hasMore: result.hasMore,
  };
}

function storeRequired(): AppError {
  const error: FieldError = {
    param: 'storeId',
    code: 'store_required',
    message: { zh: '收银员必须指定所属门店', en: 'A cashier must be tied to a store' },
  };
  return new AppError('validation_failed', { param: 'storeId', fieldErrors: [error] });
}

/**
 * The owner adds a manager or a cashier. They log in with their mobile and a temporary
 * password shown once in the reply, which they must change at the first login.
 */
export async function addMerchantUser(
  tx: Db,
  deps: StaffDeps,
  caller: Caller,
  merchantId: string,
  input: z.infer<typeof createMerchantUserBodySchema>,
): Promise<{ user: MerchantUserView; temporaryPassword: string }> {
  const merchant = await merchantForChange(tx, caller.principal, merchantId);
  const mobile = normaliseMobile(input.mobile);
  if (!isMobileNumber(mobile)) {
    throw new AppError('validation_failed', {
      param: 'mobile',
      fieldErrors: [
        {
          param: 'mobile',
          code: 'mobile_format',
          message: {
            zh: '手机号应为 11 位，以 1 开头',
            en: 'A mobile number has 11 digits and starts with 1',
          },
        },
      ],
    });
  }
  if (input.role === 'merchant_cashier' && !input.storeId) throw storeRequired();
  if (input.storeId) await storeOfMerchant(tx, merchant.id, input.storeId);
  const password = temporaryPassword();
  const { userId } = await createMerchantUser(tx, deps, {
    merchantId: merchant.id,
    storeId: input.storeId ?? null,
    mobile,
    displayName: input.displayName,
    role: input.role,
    password,
    mustChangePassword: true,
  });
  await recordAudit(tx, deps.clock, caller.actor, {
    action: 'merchant_user.created',
    targetType: 'user',
    targetId: userId,
    scopePath: await merchantScopePath(tx, merchant),
    after: {
      merchantId: merchant.id,
      displayName: input.displayName,
      mobile,
      role: input.role,
      storeId: input.storeId ?? null,
    },
  });
  const record = await findMerchantUser(tx, merchant.id, userId);
  if (!record) throw new Error('unreachable: the user was just created');
  return {
    user: await toMerchantUserView(tx, deps.encryptor, record),
    temporaryPassword: password,
  };
}

/**
 * The owner renames a user, changes their role or store, or disables them (which ends their
 * sessions at once). The owner's own account is not changed here, so the merchant can never
 * lock itself out of its portal.
 */
export async function changeMerchantUser(
  tx: Db,
  deps: StaffDeps,
  caller: Caller,
  merchantId: string,
  userId: string,
  input: z.infer<typeof updateMerchantUserBodySchema>,
): Promise<MerchantUserView> {
  const merchant = await merchantForChange(tx, caller.principal, merchantId);
  const current = await findMerchantUser(tx, merchant.id, userId, { forUpdate: true });
  if (!current) throw new AppError('resource_not_found');
  if (current.id === caller.principal.userId) throw new AppError('cannot_change_self');
  if (current.role === 'merchant_owner') throw new AppError('permission_denied');
  const role = input.role ?? current.role;
  const storeId = input.storeId === undefined ? current.storeId : input.storeId;
  if (role === 'merchant_cashier' && !storeId) throw storeRequired();
  if (input.storeId) await storeOfMerchant(tx, merchant.id, input.storeId);
  const disabled = input.disabled ?? current.disabledAt !== null;
  const before = {
    displayName: current.displayName,
    role: current.role,
    storeId: current.storeId,
    disabled: current.disabledAt !== null,
  };
  const after = { displayName: input.displayName ?? current.displayName, role, storeId, disabled };
  await updateMerchantUser(tx, deps.clock, current.id, {
    ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.storeId !== undefined ? { storeId: input.storeId } : {}),
    // Only a real change of state is written, so re-sending `disabled: true` keeps the time
    // the user was first disabled.
    ...(disabled !== before.disabled ? { disabled } : {}),
  });
  await recordAudit(tx, deps.clock, caller.actor, {
    action:
      disabled === before.disabled
        ? 'merchant_user.updated'
        : disabled
          ? 'merchant_user.disabled'
          : 'merchant_user.enabled',
    targetType: 'user',
    targetId: current.id,
    scopePath: await merchantScopePath(tx, merchant),
    before,
    after,
  });
  const record = await findMerchantUser(tx, merchant.id, current.id);
  if (!record) throw new Error('unreachable: the user is locked');
  return toMerchantUserView(tx, deps.encryptor, record);
}
