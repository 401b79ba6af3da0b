import { eq } from 'drizzle-orm';
import { applyAccountChangeJob, applyDueAccountChange } from './account-change.js';
import type { MerchantDeps } from './deps.js';
import { sendMerchantSmsJob } from './notify-merchant.js';
import { merchants } from './tables.js';

/** The background work of the merchants module, registered once on the app's job queue. */
export function registerMerchantJobs(deps: MerchantDeps): void {
  deps.jobs.register(applyAccountChangeJob, (payload) =>
    applyDueAccountChange(deps, (payload as { changeId: string }).changeId),
  );
  deps.jobs.register(sendMerchantSmsJob, async (payload) => {
    const { merchantId, text } = payload as { merchantId: string; text: string };
    const [merchant] = await deps.db
      .select({ mobileEnc: merchants.mobileEnc })
      .from(merchants)
      .where(eq(merchants.id, merchantId));
    if (!merchant?.mobileEnc) return;
    await deps.sms.send({ mobile: deps.encryptor.decrypt(merchant.mobileEnc), text });
  });
}
