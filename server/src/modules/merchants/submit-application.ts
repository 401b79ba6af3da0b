import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { checkApplication } from './application-checks.js';
import type { MerchantDeps } from './deps.js';
import { listDocuments } from './merchant-documents.js';
import { transitionMerchant } from './merchant-lifecycle.js';
import { applicationContent } from './save-application.js';
import { type MerchantRow, merchants } from './tables.js';

const unknownReferral: FieldError = {
  param: 'referralCode',
  code: 'referral_code_unknown',
  message: {
    zh: '推荐码不存在，请核对或留空',
    en: 'No merchant has this referral code; check it or leave it empty',
  },
};

/**
 * Sends a draft (or an application sent back for changes) to its branch's review queue, after
 * checking everything at once. What the checks could not confirm goes along as review flags.
 */
export async function submitApplication(
  deps: MerchantDeps,
  input: { load: (tx: Db) => Promise<MerchantRow>; actor: Actor },
): Promise<MerchantRow> {
  return deps.db.transaction(async (tx) => {
    const merchant = await input.load(tx);
    if (merchant.status !== 'draft' && merchant.status !== 'needs_changes') {
      throw new AppError('invalid_state_transition');
    }
    const content = applicationContent(deps.encryptor, merchant);
    const documents = await listDocuments(tx, merchant.id);
    const { errors, flags } = checkApplication(
      content,
      new Set(documents.map((document) => document.type)),
      deps.clock.now(),
    );
    let referrerId: string | null = null;
    if (content.referralCodeGiven) {
      const [referrer] = await tx
        .select({ id: merchants.id })
        .from(merchants)
        .where(
          and(
            eq(merchants.referralCode, content.referralCodeGiven),
            eq(merchants.status, 'active'),
          ),
        );
      if (referrer) referrerId = referrer.id;
      else errors.push(unknownReferral);
    }
    if (errors.length > 0) {
      throw new AppError('application_incomplete', {
        param: errors[0]?.param,
        fieldErrors: errors,
      });
    }
    return transitionMerchant(tx, deps, {
      merchant,
      to: 'submitted',
      set: {
        reviewFlags: flags,
        referredByMerchantId: referrerId,
        submittedAt: deps.clock.now(),
        statusReason: null,
      },
      action: 'merchant.application_submitted',
      actor: input.actor,
      audit: { reviewFlags: flags },
      notify: { kind: 'application_submitted' },
    });
  });
}
