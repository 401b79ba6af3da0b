import { eq } from 'drizzle-orm';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import { randomToken, sha256Hex } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { normaliseAccountNumber } from '../../platform/validation/bank-card.js';
import { normaliseCreditCode } from '../../platform/validation/credit-code.js';
import { normaliseMobile } from '../../platform/validation/mobile.js';
import { normaliseResidentId } from '../../platform/validation/resident-id.js';
import { recordAudit } from '../audit/index.js';
import { nodeInScope } from '../orgs/index.js';
import type { ApplicationContent } from './application-checks.js';
import type { MerchantDeps } from './deps.js';
import { merchantScopePath } from './merchant-scope.js';
import { proposeBranch } from './propose-branch.js';
import type { ApplicationFields } from './schemas.js';
import { type MerchantRow, type MerchantStatus, merchants } from './tables.js';

/** The statuses in which the applicant (or staff for them) may still change the application. */
const editable: readonly MerchantStatus[] = ['draft', 'needs_changes'];

type StoredFields = Partial<typeof merchants.$inferInsert>;

/** Normalises what was typed and encrypts personal data: the columns a change writes. */
function toColumns(encryptor: Encryptor, fields: ApplicationFields): StoredFields {
  const columns: StoredFields = {
    kind: fields.kind,
    registeredName: fields.registeredName,
    shortName: fields.shortName,
    creditCode: fields.creditCode && normaliseCreditCode(fields.creditCode),
    legalRepName: fields.legalRepName,
    regionCode: fields.regionCode,
    address: fields.address,
    mcc: fields.mcc,
    settlementAccountName: fields.settlementAccountName,
    settlementBankCode: fields.settlementBankCode,
    referralCodeGiven: fields.referralCode?.toUpperCase(),
  };
  if (fields.legalRepIdNumber !== undefined) {
    columns.legalRepIdNumberEnc = encryptor.encrypt(normaliseResidentId(fields.legalRepIdNumber));
  }
  if (fields.mobile !== undefined) {
    const mobile = normaliseMobile(fields.mobile);
    columns.mobileEnc = encryptor.encrypt(mobile);
    columns.mobileIndex = encryptor.blindIndex(mobile);
  }
  if (fields.settlementAccountNumber !== undefined) {
    columns.settlementAccountNumberEnc = encryptor.encrypt(
      normaliseAccountNumber(fields.settlementAccountNumber),
    );
  }
  for (const key of Object.keys(columns) as Array<keyof StoredFields>) {
    if (columns[key] === undefined) delete columns[key];
  }
  return columns;
}

/** The application decrypted, for the checks and for a reveal. */
export function applicationContent(encryptor: Encryptor, row: MerchantRow): ApplicationContent {
  const decrypt = (stored: string | null) => (stored === null ? null : encryptor.decrypt(stored));
  return {
    kind: row.kind,
    registeredName: row.registeredName,
    shortName: row.shortName,
    creditCode: row.creditCode,
    legalRepName: row.legalRepName,
    legalRepIdNumber: decrypt(row.legalRepIdNumberEnc),
    mobile: decrypt(row.mobileEnc),
    regionCode: row.regionCode,
    address: row.address,
    mcc: row.mcc,
    settlementAccountName: row.settlementAccountName,
    settlementAccountNumber: decrypt(row.settlementAccountNumberEnc),
    settlementBankCode: row.settlementBankCode,
    referralCodeGiven: row.referralCodeGiven,
  };
}

/** The audited form of a change: field names as the API calls them, so masking applies. */
function auditedFields(fields: ApplicationFields): Record<string, unknown> {
  return { ...fields };
}

/**
 * Starts an application. From the H5 form it needs no login and returns the applicant's
 * access token (shown once: the link to continue and follow it); the branch is proposed from
 * the region. Staff filing for a merchant may choose a branch within their scope.
 */
export async function createApplication(
  deps: MerchantDeps,
  input: {
    fields: ApplicationFields & { kind: NonNullable<ApplicationFields['kind']> };
    actor: Actor;
    staff?: { principal: Principal; orgNodeId?: string };
  },
): Promise<{ merchant: MerchantRow; applicantToken: string | null }> {
  const { db, clock, encryptor } = deps;
  return db.transaction(async (tx) => {
    const now = clock.now();
    let orgNodeId = await proposeBranch(tx, input.fields.regionCode);
    if (input.staff) {
      const { principal } = input.staff;
      const chosen = input.staff.orgNodeId ?? orgNodeId;
      // A proposal outside the filer's own subtree falls back to the filer's node, so staff
      // never create a merchant they could not see.
      const inScope = await nodeInScope(tx, principal, chosen).catch((error) => {
        if (input.staff?.orgNodeId) throw error;
        return nodeInScope(tx, principal, principal.scopeOrgNodeId ?? '');
      });
      orgNodeId = inScope.id;
    }
    const applicantToken = input.staff ? null : randomToken();
    const [merchant] = await tx
      .insert(merchants)
      .values({
        ...toColumns(encryptor, input.fields),
        kind: input.fields.kind,
        id: newId('merchant', now.getTime()),
        status: 'draft',
        channel: input.staff ? 'staff' : 'h5',
        orgNodeId,
        applicantTokenHash: applicantToken ? sha256Hex(applicantToken) : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!merchant) throw new Error('insert returned nothing');
    await recordAudit(tx, clock, input.actor, {
      action: 'merchant.application_created',
      targetType: 'merchant',
      targetId: merchant.id,
      scopePath: await merchantScopePath(tx, merchant),
      after: { ...auditedFields(input.fields), channel: merchant.channel, orgNodeId },
    });
    return { merchant, applicantToken };
  });
}

/**
 * Changes an application while it is a draft or sent back for changes. `load` finds and
 * row-locks it for the caller (by applicant token or staff scope).
 */
export async function updateApplication(
  deps: MerchantDeps,
  input: {
    load: (tx: MerchantDeps['db']) => Promise<MerchantRow>;
    fields: ApplicationFields;
    actor: Actor;
    staff?: { principal: Principal; orgNodeId?: string };
  },
): Promise<MerchantRow> {
  const { db, clock, encryptor } = deps;
  return db.transaction(async (tx) => {
    const current = await input.load(tx);
    const movesBranch = input.staff?.orgNodeId !== undefined;
    if (!editable.includes(current.status) && !(movesBranch && isOnlyBranchMove(input.fields))) {
      throw new AppError('invalid_state_transition');
    }
    const columns = toColumns(encryptor, input.fields);
    if (input.staff?.orgNodeId) {
      columns.orgNodeId = (await nodeInScope(tx, input.staff.principal, input.staff.orgNodeId)).id;
    } else if (!input.staff && columns.regionCode && current.status === 'draft') {
      // The applicant chose another region before submitting: propose that region's branch.
      columns.orgNodeId = await proposeBranch(tx, columns.regionCode);
    }
    const [updated] = await tx
      .update(merchants)
      .set({ ...columns, updatedAt: clock.now() })
      .where(eq(merchants.id, current.id))
      .returning();
    if (!updated) throw new Error('update returned nothing');
    await recordAudit(tx, clock, input.actor, {
      action: 'merchant.application_updated',
      targetType: 'merchant',
      targetId: current.id,
      scopePath: await merchantScopePath(tx, updated),
      before: columns.orgNodeId ? { orgNodeId: current.orgNodeId } : null,
      after: {
        ...auditedFields(input.fields),
        ...(columns.orgNodeId ? { orgNodeId: columns.orgNodeId } : {}),
      },
    });
    return updated;
  });
}

/** Staff may move an active merchant to another branch; the other fields are the applicant's. */
function isOnlyBranchMove(fields: ApplicationFields): boolean {
  return Object.values(fields).every((value) => value === undefined);
}
