import type { Actor, Principal } from '../../platform/auth/principal.js';
import { recordAudit } from '../audit/index.js';
import type { MerchantDeps } from './deps.js';
import { merchantForCaller, merchantScopePath } from './merchant-scope.js';
import { applicationContent } from './save-application.js';

export const revealableFields = [
  'legalRepName',
  'legalRepIdNumber',
  'mobile',
  'settlementAccountName',
  'settlementAccountNumber',
] as const;
export type RevealableField = (typeof revealableFields)[number];

/**
 * Shows one masked personal field in clear to a user with pii:reveal, for a stated reason.
 * The reveal is audited before the value leaves: no audit record, no value.
 */
export async function revealPersonalField(
  deps: MerchantDeps,
  caller: { principal: Principal; actor: Actor },
  input: { merchantId: string; field: RevealableField; reason: string },
): Promise<string | null> {
  return deps.db.transaction(async (tx) => {
    const merchant = await merchantForCaller(tx, caller.principal, input.merchantId);
    await recordAudit(tx, deps.clock, caller.actor, {
      action: 'merchant.personal_field_revealed',
      targetType: 'merchant',
      targetId: merchant.id,
      scopePath: await merchantScopePath(tx, merchant),
      after: { field: input.field, reason: input.reason },
    });
    return applicationContent(deps.encryptor, merchant)[input.field];
  });
}
