import type { Channel } from '../../modules/payments/tables.js';

/**
 * What the payments module asks of a payment channel (WeChat Pay, Alipay, UnionPay, the bank's
 * app, the card acquiring host). Each channel's client speaks its own wire format and
 * signatures; this is the common shape the platform sees. Clients are stateless: everything
 * they need is in the call or in their configuration.
 *
 * Results the channel could not confirm are `unknown`, never a success: the caller keeps the
 * payment pending and asks again (query) or reverses it.
 */
export type ChannelOrder = {
  /** Our payment id, the channel's out_trade_no. */
  outTradeNo: string;
  amountFen: number;
  /** The merchant as the channel knows it (特约商户号 / sub-merchant id). */
  channelMerchantId: string;
  description: string;
};

export type ChannelPaymentResult =
  | {
      status: 'succeeded';
      channelTransactionId: string;
      /** The payer as the channel identifies them (openid, buyer id, card token). */
      payerRef?: string;
      cardType?: 'debit' | 'credit';
      /** Card payments: the first 6 and last 4 digits the acquiring host reports, never more. */
      cardBin?: string;
      cardLast4?: string;
      paidAt?: Date;
    }
  | { status: 'failed'; failureCode: string; failureMessage: string; channelTransactionId?: string }
  /** Accepted but not finished (the payer is still confirming), or closed/reversed. */
  | { status: 'pending' }
  | { status: 'closed' }
  /** A timeout or an answer the client cannot read: ask again later. */
  | { status: 'unknown'; reason: string };

export type ChannelRefundRequest = {
  outTradeNo: string;
  /** The merchant as the channel knows it: partner-mode refunds name the sub-merchant. */
  channelMerchantId: string;
  /** Our refund id, the channel's out_refund_no; a retry reuses it. */
  outRefundNo: string;
  refundFen: number;
  totalFen: number;
  channelTransactionId: string | null;
  reason: string | null;
};

export type ChannelRefundResult =
  | { status: 'succeeded'; channelRefundId: string }
  /** Accepted: the outcome arrives by notification or query. */
  | { status: 'pending'; channelRefundId?: string }
  | { status: 'failed'; failureCode: string; failureMessage: string }
  | { status: 'unknown'; reason: string };

/** A notification the client verified (signature, decryption) and read into our terms. */
export type ChannelNotification =
  | {
      kind: 'payment';
      outTradeNo: string;
      channelTransactionId: string;
      channelMerchantId: string;
      amountFen: number;
      status: 'succeeded' | 'failed' | 'closed';
      payerRef?: string;
      cardType?: 'debit' | 'credit';
      /** A key that is the same on every retry of this notification (for deduplication). */
      dedupKey: string;
    }
  | {
      kind: 'refund';
      outTradeNo: string;
      outRefundNo: string;
      channelRefundId: string;
      refundFen: number;
      status: 'succeeded' | 'failed';
      dedupKey: string;
    };

/** The HTTP answer a channel expects to a notification, in its own format. */
export type ChannelAck = {
  statusCode: number;
  contentType: string;
  body: string;
};

/** The raw HTTP request of a notification: signatures cover the exact bytes. */
export type RawNotification = {
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
};

export type ChannelClient = {
  channel: Channel;
  /**
   * Creates the order a wallet pays (WeChat JSAPI prepay, Alipay trade.create, ...). Returns the
   * channel's prepay id and the address of the wallet's payment page the cashier opens.
   */
  createOrder(
    order: ChannelOrder & { payerRef: string; notifyUrl: string },
  ): Promise<{ prepayId: string; walletUrl: string } | { status: 'unknown'; reason: string }>;
  /** Merchant scans the customer's payment code (micropay / pay by auth code). */
  payWithAuthCode(order: ChannelOrder & { authCode: string }): Promise<ChannelPaymentResult>;
  /** A card payment from a terminal, with the acquiring host's token only (never a PAN). */
  payWithCardToken?(
    order: ChannelOrder & { cardToken: string; terminalId: string },
  ): Promise<ChannelPaymentResult>;
  query(outTradeNo: string, channelMerchantId: string): Promise<ChannelPaymentResult>;
  /** Cancels an order whose result is unknown (reverse / 撤销); the channel refunds if paid. */
  reverse(
    outTradeNo: string,
    channelMerchantId: string,
  ): Promise<{ reversed: boolean; reason?: string }>;
  /**
   * Closes an unpaid order (expiry), so it can no longer be paid. `closed: false` with reason
   * `paid` means the payer paid first: query it; any other reason means ask again later.
   */
  close(
    outTradeNo: string,
    channelMerchantId: string,
  ): Promise<{ closed: boolean; reason?: string }>;
  refund(request: ChannelRefundRequest & { notifyUrl: string }): Promise<ChannelRefundResult>;
  queryRefund(
    outRefundNo: string,
    outTradeNo: string,
    channelMerchantId: string,
  ): Promise<ChannelRefundResult>;
  /**
   * Verifies and reads a notification. Throws `NotificationRejected` when the signature,
   * the encryption or the format is wrong: the platform changes nothing and logs it.
   */
  verifyNotification(notification: RawNotification): ChannelNotification;
  /** The answer the channel expects: success stops its retries, failure asks for another. */
  acknowledge(accepted: boolean): ChannelAck;
  /**
   * Downloads the channel's statement file (对账单) of one Asia/Shanghai day (YYYY-MM-DD),
   * exactly as the channel ships it (WeChat's CSV, Alipay's zip, UnionPay's fixed-width text),
   * for the reconciliation readers. Without `channelMerchantId` it is the whole account's; with
   * it, that merchant's. Throws AppError('statement_unavailable') when the channel refuses,
   * the file is not ready, or the download fails: a statement is never guessed at. Channels
   * without statement files leave it out.
   */
  downloadStatement?(day: string, channelMerchantId?: string): Promise<Uint8Array>;
};

export class NotificationRejected extends Error {
  override name = 'NotificationRejected';
}
