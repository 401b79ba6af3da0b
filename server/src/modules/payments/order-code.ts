import type { Config } from '../../config.js';
import { emvcoPayload, orderCodeUrl } from './qr-payloads.js';
import type { PaymentRow } from './tables.js';

/**
 * What the merchant shows the payer for an order: the URL (encoded in the QR) and the EMVCo
 * dynamic payload with the fixed amount and the order reference.
 */
export function orderCodeFor(
  config: Config,
  payment: Pick<PaymentRow, 'id' | 'merchantId' | 'storeId' | 'amountFen' | 'orderReference'> & {
    merchantMcc?: string | null;
  },
): { url: string; emvco: string } {
  return {
    url: orderCodeUrl(config, payment.id),
    emvco: emvcoPayload({
      merchant: { id: payment.merchantId, shortName: null, mcc: payment.merchantMcc ?? null },
      storeLabel: payment.storeId.slice(-12),
      amountFen: payment.amountFen,
      reference: payment.orderReference ?? payment.id.slice(-20),
    }),
  };
}
