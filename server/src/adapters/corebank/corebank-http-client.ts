import { z } from 'zod';
import { type Clock, systemClock } from '../../platform/clock.js';
import type { Secret } from '../../platform/crypto/secret.js';
import { NotificationRejected } from '../channels/channel-client.js';
import type { HttpTransport } from '../channels/http-transport.js';
import { type JsonAnswer, signedJsonCall } from '../channels/json-call.js';
import { signedJsonNotificationBody } from '../channels/notification-checks.js';
import {
  type CoreBankClient,
  type PayoutInstruction,
  type PayoutNotification,
  type PayoutResult,
  payoutNotFoundReason,
} from './corebank-client.js';
import { coreBankSignatureHeaders, verifyCoreBankSignature } from './corebank-signing.js';
import { type PayoutRequestJson, payoutFailureCode, payoutsPath } from './corebank-wire.js';

/** Where the payout gateway is and the secret both sides sign with. */
export type CoreBankClientSettings = {
  baseUrl: string;
  clientId: string;
  secret: Secret;
  /** Fetch with a timeout in production, the in-process simulator by default (app.ts). */
  transport: HttpTransport;
  /** The clock signatures are timestamped with and notifications are checked against. */
  clock?: Clock;
};

const answerSchema = z.looseObject({
  instructionId: z.string().min(1),
  gatewayReference: z.string().min(1),
  amountFen: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  status: z.enum(['ACCEPTED', 'SUCCEEDED', 'FAILED']),
  failureCode: z.string().optional(),
  failureMessage: z.string().optional(),
  bookedAt: z.iso.datetime().optional(),
});

const notificationSchema = z.looseObject({
  type: z.literal('payout.result'),
  notificationId: z.string().min(1),
  instructionId: z.string().min(1),
  gatewayReference: z.string().min(1),
  amountFen: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  status: z.enum(['SUCCEEDED', 'FAILED']),
  failureCode: z.string().optional(),
  failureMessage: z.string().optional(),
  bookedAt: z.iso.datetime().optional(),
});

const unknown = (reason: string): PayoutResult => ({ status: 'unknown', reason });

/**
 * The core-banking payout gateway over signed JSON (corebank-wire.ts). Every answer it cannot
 * trust — no answer in time, a 5xx, a bad signature, a body that is not the expected JSON, an
 * answer about another instruction or amount — is `unknown`, so the platform asks again with
 * the same instruction id instead of guessing.
 */
export function createCoreBankClient(settings: CoreBankClientSettings): CoreBankClient {
  const clock = settings.clock ?? systemClock;
  const secret = () => settings.secret.reveal();

  function call(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<JsonAnswer> {
    return signedJsonCall({
      transport: settings.transport,
      baseUrl: settings.baseUrl,
      method,
      path,
      payload,
      signRequest: (m, pathWithQuery, body) =>
        coreBankSignatureHeaders({ purpose: 'request', method: m, pathWithQuery }, body, {
          clientId: settings.clientId,
          secret: secret(),
          now: clock.now(),
        }),
      responseIsSigned: (response) =>
        verifyCoreBankSignature(
          { purpose: 'response', status: response.status },
          response.body,
          response.headers,
          secret(),
        ) !== null,
    });
  }

  /** A 200 answer about `instructionId` (and `amountFen` when we know what we asked for). */
  function result(
    answer: JsonAnswer,
    expected: { instructionId: string; amountFen?: number },
  ): PayoutResult {
    if ('unknown' in answer) return unknown(answer.unknown);
    const { data } = answer;
    if (answer.status === 404 && data.code === 'INSTRUCTION_NOT_FOUND') {
      return unknown(payoutNotFoundReason);
    }
    if (answer.status !== 200) return unknown(String(data.code ?? `http_${answer.status}`));
    const parsed = answerSchema.safeParse(data);
    if (!parsed.success) return unknown('unreadable_response');
    const payout = parsed.data;
    if (
      payout.instructionId !== expected.instructionId ||
      (expected.amountFen !== undefined && payout.amountFen !== expected.amountFen)
    ) {
      return unknown('mismatched_response');
    }
    switch (payout.status) {
      case 'SUCCEEDED':
        // A success without its booking time is not one we can record.
        if (!payout.bookedAt) return unknown('unreadable_response');
        return {
          status: 'succeeded',
          gatewayReference: payout.gatewayReference,
          bookedAt: new Date(payout.bookedAt),
        };
      case 'FAILED':
        return {
          status: 'failed',
          failureCode: payoutFailureCode(payout.failureCode),
          failureMessage: payout.failureMessage ?? '',
          gatewayReference: payout.gatewayReference,
        };
      case 'ACCEPTED':
        return { status: 'accepted', gatewayReference: payout.gatewayReference };
    }
  }

  return {
    async submit(instruction: PayoutInstruction): Promise<PayoutResult> {
      const request: PayoutRequestJson = {
        instructionId: instruction.instructionId,
        purpose: instruction.purpose,
        amountFen: instruction.amountFen,
        currency: 'CNY',
        payeeAccountNumber: instruction.payeeAccountNumber,
        payeeName: instruction.payeeName,
        payeeBankCode: instruction.payeeBankCode,
        memo: instruction.memo,
        mode: instruction.mode,
        notifyUrl: instruction.notifyUrl,
      };
      const answer = await call('POST', payoutsPath, request);
      // The gateway refused the instruction as invalid before booking anything: a definite
      // failure. Every other refusal (a conflict over the id, a bad signature) stays unknown,
      // because the id may already have been paid.
      if (
        !('unknown' in answer) &&
        answer.status === 400 &&
        answer.data.code === 'INVALID_INSTRUCTION'
      ) {
        return {
          status: 'failed',
          failureCode: 'rejected',
          failureMessage: String(answer.data.message ?? '指令被拒绝'),
        };
      }
      return result(answer, {
        instructionId: instruction.instructionId,
        amountFen: instruction.amountFen,
      });
    },

    async query(instructionId: string): Promise<PayoutResult> {
      const answer = await call('GET', `${payoutsPath}/${encodeURIComponent(instructionId)}`);
      return result(answer, { instructionId });
    },

    verifyNotification({ headers, rawBody }): PayoutNotification {
      const signedAt = verifyCoreBankSignature(
        { purpose: 'notification' },
        rawBody,
        headers,
        secret(),
      );
      const json = signedJsonNotificationBody('corebank', signedAt, rawBody, clock.now());
      const parsed = notificationSchema.safeParse(json);
      if (!parsed.success) throw new NotificationRejected('corebank: not a payout notification');
      const n = parsed.data;
      return {
        instructionId: n.instructionId,
        gatewayReference: n.gatewayReference,
        amountFen: n.amountFen,
        status: n.status === 'SUCCEEDED' ? 'succeeded' : 'failed',
        ...(n.status === 'FAILED'
          ? {
              failureCode: payoutFailureCode(n.failureCode),
              failureMessage: n.failureMessage ?? '',
            }
          : {}),
        ...(n.bookedAt ? { bookedAt: new Date(n.bookedAt) } : {}),
        // The gateway's reference and the outcome, not the notification id: a duplicate the
        // gateway sends under a fresh id is still the same event.
        dedupKey: `corebank:payout:${n.gatewayReference}:${n.status}`,
      };
    },

    /** The gateway stops retrying on HTTP 200; anything else asks it to send again. */
    acknowledge(accepted: boolean) {
      return accepted
        ? {
            statusCode: 200,
            contentType: 'application/json',
            body: '{"code":"SUCCESS","message":"成功"}',
          }
        : {
            statusCode: 500,
            contentType: 'application/json',
            body: '{"code":"FAIL","message":"处理失败，请重发"}',
          };
    },
  };
}
