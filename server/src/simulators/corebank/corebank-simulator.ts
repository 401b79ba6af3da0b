import { z } from 'zod';
import type { HttpResponse, InProcessHandler } from '../../adapters/channels/index.js';
import {
  coreBankSignatureHeaders,
  verifyCoreBankSignature,
} from '../../adapters/corebank/corebank-signing.js';
import {
  type PayoutAnswerJson,
  type PayoutNotificationJson,
  payoutsPath,
} from '../../adapters/corebank/corebank-wire.js';
import type { Clock } from '../../platform/clock.js';
import { parseJsonBody, signedJsonNotification, signedJsonReplies } from '../engine/json-front.js';
import type { Deliver } from '../engine/notification-scheduler.js';
import { jsonReply, pause } from '../engine/simulator-handler.js';
import type { SimulatorKeys } from '../simulator-keys.js';
import { coreBankFaultsPatchSchema } from './corebank-faults.js';
import {
  type NotificationRenderer,
  type SimPayout,
  SimulatedCoreBank,
} from './simulated-core-bank.js';

/**
 * The core bank's payout gateway, played in process (wire format: adapters/corebank/
 * corebank-wire.ts). Which payee accounts fail, duplicate their notification or lose their
 * answer is in simulated-core-bank.ts (`payeeAccountBehaviours`); the fault switch
 * (GET/POST `<mount>/faults`, corebank-faults.ts) adds system errors, timeouts, slow answers,
 * duplicated, forged and tampered notifications, and forged answers for any account.
 */
export type CoreBankSimulator = {
  engine: SimulatedCoreBank;
  mountPath: string;
  handle: InProcessHandler;
};

type CoreBankKeys = SimulatorKeys['corebank'];

const requestSkewMs = 5 * 60_000;

const requestSchema = z.strictObject({
  instructionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  purpose: z.enum(['settlement', 'farmer_purchase']),
  amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  currency: z.literal('CNY'),
  payeeAccountNumber: z.string().regex(/^\d{6,32}$/),
  // Names come from identity documents: any text but control characters.
  payeeName: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[^\p{Cc}]+$/u),
  payeeBankCode: z.string().regex(/^\d{3,12}$/),
  memo: z
    .string()
    .max(32)
    .regex(/^[^\p{Cc}]*$/u),
  mode: z.enum(['sync', 'async']),
  notifyUrl: z.url(),
});

const wireStatus = { processing: 'ACCEPTED', succeeded: 'SUCCEEDED', failed: 'FAILED' } as const;

function answerJson(payout: SimPayout): PayoutAnswerJson {
  return {
    instructionId: payout.request.instructionId,
    gatewayReference: payout.gatewayReference,
    amountFen: payout.request.amountFen,
    status: wireStatus[payout.status],
    ...(payout.failure
      ? { failureCode: payout.failure.code, failureMessage: payout.failure.message }
      : {}),
    ...(payout.bookedAt ? { bookedAt: payout.bookedAt.toISOString() } : {}),
  };
}

function notificationRenderer(keys: CoreBankKeys, clock: Clock): NotificationRenderer {
  return (payout, { notificationId, spoil }) => {
    const answer = answerJson(payout);
    const message = (amountDeltaFen: number) => {
      const body: PayoutNotificationJson = {
        type: 'payout.result',
        notificationId,
        ...answer,
        amountFen: answer.amountFen + amountDeltaFen,
        status: answer.status === 'FAILED' ? 'FAILED' : 'SUCCEEDED',
      };
      return JSON.stringify(body);
    };
    return signedJsonNotification(message, spoil, (signed) =>
      coreBankSignatureHeaders({ purpose: 'notification' }, signed, {
        clientId: keys.clientId,
        secret: keys.secret,
        now: clock.now(),
      }),
    );
  };
}

export function createCoreBankSimulator(options: {
  clock: Clock;
  keys: CoreBankKeys;
  deliver: Deliver;
  /** How long after acceptance an async instruction is booked. */
  bookingDelayMs?: number;
  mountPath?: string;
}): CoreBankSimulator {
  const { clock, keys } = options;
  const mountPath = options.mountPath ?? '/sim/corebank';
  const engine = new SimulatedCoreBank({
    clock,
    deliver: options.deliver,
    render: notificationRenderer(keys, clock),
    bookingDelayMs: options.bookingDelayMs,
  });
  const { reply, error } = signedJsonReplies(engine, (signed, status) =>
    coreBankSignatureHeaders({ purpose: 'response', status }, signed, {
      clientId: keys.clientId,
      secret: keys.secret,
      now: clock.now(),
    }),
  );
  const systemError = () => error(503, 'SYSTEM_BUSY', '系统繁忙，请稍后查询');

  /** The gateway's own API; `answerLost` says the caller never gets this answer. */
  function api(request: {
    method: string;
    path: string;
    localPath: string;
    headers: Record<string, string>;
    body: string;
  }): { response: HttpResponse; answerLost: boolean } {
    const answered = (response: HttpResponse) => ({ response, answerLost: false });
    const signedAt = verifyCoreBankSignature(
      { purpose: 'request', method: request.method, pathWithQuery: request.path },
      request.body,
      request.headers,
      keys.secret,
    );
    if (request.headers['x-cbs-client-id'] !== keys.clientId || signedAt === null)
      return answered(error(401, 'BAD_SIGNATURE', '签名错误'));
    if (Math.abs(clock.now().getTime() - signedAt) > requestSkewMs)
      return answered(error(401, 'STALE_REQUEST', '请求已过期'));

    if (request.method === 'POST' && request.localPath === payoutsPath) {
      const input = parseJsonBody(requestSchema, request.body);
      if (!input) return answered(error(400, 'INVALID_INSTRUCTION', '指令参数错误'));
      const submitted = engine.submit(input);
      if ('error' in submitted)
        return answered(error(409, 'INSTRUCTION_CONFLICT', '指令号已用于其他收款人或金额'));
      return {
        response: reply(200, answerJson(submitted.payout)),
        answerLost: !submitted.repeated && submitted.payout.answerLost,
      };
    }
    const payoutPath = new RegExp(`^${payoutsPath}/([^/]+)$`).exec(request.localPath);
    if (request.method === 'GET' && payoutPath) {
      const payout = engine.payout(decodeURIComponent(payoutPath[1] as string));
      return answered(
        payout ? reply(200, answerJson(payout)) : error(404, 'INSTRUCTION_NOT_FOUND', '指令不存在'),
      );
    }
    return answered(error(404, 'NOT_FOUND', '接口不存在'));
  }

  const handle: InProcessHandler = async (request) => {
    const url = new URL(request.path, 'http://simulator.invalid');
    if (!url.pathname.startsWith(mountPath)) return jsonReply(404, { error: 'not_this_simulator' });
    const localPath = url.pathname.slice(mountPath.length) || '/';
    if (localPath === '/faults') {
      if (request.method === 'GET') return jsonReply(200, engine.faults);
      const patch = coreBankFaultsPatchSchema.safeParse(parseJson(request.body));
      if (!patch.success)
        return jsonReply(400, { error: 'invalid_faults', issues: patch.error.issues });
      return jsonReply(200, engine.setFaults(patch.data));
    }

    const faults = engine.faults;
    if (!faults.instant) await pause(faults.latencyMs, request.signal);
    if (engine.takeFault('systemErrors')) return systemError();
    const hangs = engine.takeFault('timeouts');
    if (hangs && !faults.timeoutsAfterProcessing) {
      await pause(faults.hangMs, request.signal);
      return systemError();
    }
    const answer = api({ ...request, localPath });
    if (hangs || answer.answerLost) {
      // Done, and the answer is lost: the caller's timeout ends the wait with `unknown`.
      await pause(faults.hangMs, request.signal);
      return systemError();
    }
    return answer.response;
  };

  return { engine, mountPath, handle };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
