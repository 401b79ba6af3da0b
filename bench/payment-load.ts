import { randomInt } from 'node:crypto';
import autocannon, { type Result } from 'autocannon';
import type { BenchMerchant } from './seed-merchants.js';

export type LoadResult = {
  durationS: number;
  /** Replies 201 whose payment says `succeeded`: what counts as a capture. */
  succeeded: number;
  succeededIds: Set<string>;
  /**
   * Requests built (each with its own Idempotency-Key); at most `connections` of them are
   * still unanswered when the run ends, and autocannon drops those replies.
   */
  sent: number;
  answered: number;
  byStatus: Record<string, number>;
  /** 201 replies whose payment was not succeeded (pending or failed): should be none. */
  otherOutcomes: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  timeouts: number;
};

/**
 * A WeChat payment code (18 digits, starting 13): the simulator pays every code at once except
 * those ending 0000 (password), 9999 and 8888 (failures) — see payment-code-rules.ts — so the
 * last digit is kept away from 0, 8 and 9.
 */
function payingWechatCode(): string {
  const middle = String(randomInt(10 ** 12)).padStart(12, '0');
  return `13${middle}${String(randomInt(100, 1000))}${randomInt(1, 8)}`;
}

/**
 * The capture a request makes: a WeChat payment code (the channel signs with RSA-2048 both
 * ways, and the in-process simulator's half of that runs on this machine too) or a card from a
 * terminal through the acquiring host (HMAC-SHA256), whose host tokens the simulator always
 * approves (`ctk_…`, without DECL).
 */
export type BenchCapture = 'payment_code' | 'card';

function captureBody(capture: BenchCapture, storeId: string): Record<string, unknown> {
  const amountFen = randomInt(100, 50_000);
  if (capture === 'card') {
    return {
      method: 'card',
      storeId,
      terminalId: 'BENCH01',
      amountFen,
      card: {
        bin: '622848',
        last4: '0018',
        hostToken: `ctk_bench${randomInt(10 ** 9)}`,
        cardType: 'debit',
      },
    };
  }
  return { method: 'payment_code', storeId, amountFen, authCode: payingWechatCode() };
}

/**
 * POST /api/v1/payments over `connections` keep-alive connections for `durationS`: each request
 * is a payment-code capture at a random merchant's store with that merchant's own API key and
 * an Idempotency-Key never used before. Latency percentiles are autocannon's, over every reply.
 */
export async function runPaymentLoad(options: {
  baseUrl: string;
  merchants: readonly BenchMerchant[];
  connections: number;
  durationS: number;
  keyPrefix: string;
  capture: BenchCapture;
}): Promise<LoadResult> {
  const { merchants } = options;
  let sent = 0;
  let answered = 0;
  const succeededIds = new Set<string>();
  const otherOutcomes: Record<string, number> = {};

  const result = await new Promise<Result>((resolve, reject) => {
    autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.durationS,
        pipelining: 1,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/payments',
            setupRequest: (request) => {
              const merchant = merchants[randomInt(merchants.length)] as BenchMerchant;
              sent += 1;
              return {
                ...request,
                headers: {
                  'content-type': 'application/json',
                  authorization: `Bearer ${merchant.apiKey}`,
                  'idempotency-key': `${options.keyPrefix}-${sent}`,
                },
                body: JSON.stringify(captureBody(options.capture, merchant.storeId)),
              };
            },
            onResponse: (status, body) => {
              answered += 1;
              if (status !== 201) return;
              const payment = JSON.parse(body) as { id: string; status: string };
              if (payment.status === 'succeeded') succeededIds.add(payment.id);
              else otherOutcomes[payment.status] = (otherOutcomes[payment.status] ?? 0) + 1;
            },
          },
        ],
      },
      (error, value) => (error ? reject(error) : resolve(value)),
    );
  });
  const byStatus = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count]),
  );
  return {
    durationS: result.duration,
    succeeded: succeededIds.size,
    succeededIds,
    sent,
    answered,
    byStatus,
    otherOutcomes,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
