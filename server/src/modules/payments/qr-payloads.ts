import { createHash } from 'node:crypto';
import type { Config } from '../../config.js';
import { buildEmvcoPayload } from './emvco.js';

/**
 * The UnionPay-style acceptance data of this bank in EMVCo codes. The acquirer and forwarding
 * institution ids are the bank's own; the 15-digit merchant id is derived from our merchant id
 * so it is stable without another table. The Latin name and city are placeholders the payer's
 * app shows only if it cannot read the Chinese ones in tag 64.
 */
const acquirerIin = '48020000';
const forwardingIin = '00010000';
const latinCity = 'QINGDAO';

function unionPayMerchantNumber(merchantId: string): string {
  const digest = createHash('sha256').update(merchantId).digest();
  return (digest.readBigUInt64BE(0) % 10n ** 15n).toString().padStart(15, '0');
}

export type QrMerchant = { id: string; shortName: string | null; mcc: string | null };

/** The EMVCo payload of a store's static code (01 = 11) or an order's dynamic code (01 = 12). */
export function emvcoPayload(input: {
  merchant: QrMerchant;
  storeLabel: string;
  amountFen?: number;
  reference?: string;
}): string {
  const merchantNumber = unionPayMerchantNumber(input.merchant.id);
  return buildEmvcoPayload({
    kind: input.amountFen === undefined ? 'static' : 'dynamic',
    unionPayAccount: { acquirerIin, forwardingIin, merchantId: merchantNumber },
    mcc: input.merchant.mcc ?? '5411',
    amountFen: input.amountFen,
    merchantName: `MCH ${merchantNumber.slice(-8)}`,
    merchantCity: latinCity,
    additionalData: {
      storeLabel: input.storeLabel.slice(0, 25),
      ...(input.reference ? { referenceLabel: input.reference.slice(0, 25) } : {}),
    },
    alternateLanguage: {
      // Cut by characters, not UTF-16 units, so a rare character is never split in half.
      merchantName: Array.from(input.merchant.shortName ?? '商户')
        .slice(0, 25)
        .join(''),
    },
  });
}

export function storeCodeUrl(config: Config, code: string): string {
  return `${config.publicUrl}/q/${code}`;
}

export function orderCodeUrl(config: Config, paymentId: string): string {
  return `${config.publicUrl}/q/o/${paymentId}`;
}
