import { ApiError, NetworkError } from '../../app/api/api-error';
import { api } from '../../app/api/client';
// The payments API's wire types are plain types, so the cashier shares them without pulling in
// anything of the console.
import type { Channel, PaymentStatus } from '../../app/api/payment-types';
import type { Wallet } from './wallet';

/** server/src/modules/payments/schemas.ts cashierStoreSchema */
export interface CashierStore {
  code: string;
  storeName: string;
  merchantName: string;
  channels: Channel[];
}

/** cashierOrderSchema: an order code, amount fixed by the merchant. */
export interface CashierOrder {
  paymentId: string;
  storeName: string;
  merchantName: string;
  amountFen: number;
  description: string | null;
  status: PaymentStatus;
  expiresAt: string | null;
  channels: Channel[];
}

/** cashierPaymentSchema: the payer's view of their payment. */
export interface CashierPayment {
  paymentId: string;
  status: PaymentStatus;
  amountFen: number;
  channel: Channel | null;
  storeName: string;
  merchantName: string;
  succeededAt: string | null;
  failureMessage: string | null;
  wallet: { prepayId: string; confirmUrl: string } | null;
}

export interface PayRequest {
  channel: Wallet;
  payerRef: string;
  /** Store codes only: an order code's amount is the merchant's. */
  amountFen?: number;
}

const encode = encodeURIComponent;

/** The simulator answers errors in the API's shape; anything else still becomes an ApiError. */
async function walletError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as
    | { error?: ConstructorParameters<typeof ApiError>[1] }
    | undefined;
  return new ApiError(response.status, body?.error ?? {}, response.statusText || 'wallet error');
}

/** The public cashier endpoints: no session, the code in the URL is all the page knows. */
export const cashierApi = {
  store: (code: string) => api.get<CashierStore>(`/cashier/store-codes/${encode(code)}`),

  order: (paymentId: string) => api.get<CashierOrder>(`/cashier/orders/${encode(paymentId)}`),

  payStore: (code: string, body: PayRequest, idempotencyKey: string) =>
    api.post<CashierPayment>(`/cashier/store-codes/${encode(code)}/payments`, body, {
      'Idempotency-Key': idempotencyKey,
    }),

  payOrder: (paymentId: string, body: PayRequest, idempotencyKey: string) =>
    api.post<CashierPayment>(`/cashier/orders/${encode(paymentId)}/pay`, body, {
      'Idempotency-Key': idempotencyKey,
    }),

  payment: (paymentId: string) => api.get<CashierPayment>(`/cashier/payments/${encode(paymentId)}`),

  /**
   * The simulated wallet's confirmation. confirmUrl is the channel simulator's (under /sim, not
   * /api/v1), so it is posted as given rather than through the API client's prefix.
   */
  confirmInWallet: async (confirmUrl: string, prepayId: string, payerRef: string) => {
    let response: Response;
    try {
      response = await fetch(confirmUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ prepayId, payerRef }),
      });
    } catch (cause) {
      throw new NetworkError(cause);
    }
    if (!response.ok) throw await walletError(response);
  },
};
