import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { Secret } from '../../platform/crypto/secret.js';
import { NotificationRejected } from '../channels/channel-client.js';
import {
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
  TransportFailure,
} from '../channels/http-transport.js';
import type { PayoutInstruction } from './corebank-client.js';
import { createCoreBankClient } from './corebank-http-client.js';
import { coreBankSignatureHeaders, verifyCoreBankSignature } from './corebank-signing.js';

const secret = 'corebank-test-secret';
const clientId = 'sharefin-payouts';

const instruction: PayoutInstruction = {
  instructionId: 'pyo_01jd0000000000000000000001',
  purpose: 'settlement',
  amountFen: 123_456,
  payeeAccountNumber: '6217000012345678901',
  payeeName: '张三',
  payeeBankCode: '313',
  memo: '2026-11-20 结算',
  mode: 'async',
  notifyUrl: 'http://sharefin.test/api/v1/corebank/notifications',
};

/** A gateway answer signed the way the real one signs it (or with another secret). */
function signedAnswer(
  clock: ManualClock,
  status: number,
  value: unknown,
  signWith = secret,
): HttpResponse {
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  return {
    status,
    headers: coreBankSignatureHeaders({ purpose: 'response', status }, body, {
      clientId,
      secret: signWith,
      now: clock.now(),
    }),
    body,
  };
}

function clientAnswering(answer: (request: HttpRequest, clock: ManualClock) => HttpResponse) {
  const clock = new ManualClock();
  const sent: HttpRequest[] = [];
  const transport: HttpTransport = async (request) => {
    sent.push(request);
    return answer(request, clock);
  };
  const client = createCoreBankClient({
    baseUrl: 'http://corebank.test/gateway/',
    clientId,
    secret: new Secret(secret),
    transport,
    clock,
  });
  return { client, sent, clock };
}

const accepted = {
  instructionId: instruction.instructionId,
  gatewayReference: 'CBS0001',
  amountFen: instruction.amountFen,
  status: 'ACCEPTED',
};

function signedNotification(clock: ManualClock, value: unknown, signWith = secret) {
  const rawBody = JSON.stringify(value);
  return {
    rawBody,
    headers: coreBankSignatureHeaders({ purpose: 'notification' }, rawBody, {
      clientId,
      secret: signWith,
      now: clock.now(),
    }),
  };
}

const succeededNotification = {
  type: 'payout.result',
  notificationId: 'CBN1',
  instructionId: instruction.instructionId,
  gatewayReference: 'CBS0001',
  amountFen: instruction.amountFen,
  status: 'SUCCEEDED',
  bookedAt: '2026-11-20T02:00:03.000Z',
};

describe('core bank client requests', () => {
  it('posts the instruction as signed JSON in fen and reads an accepted answer', async () => {
    const { client, sent } = clientAnswering((_request, clock) =>
      signedAnswer(clock, 200, accepted),
    );
    expect(await client.submit(instruction)).toEqual({
      status: 'accepted',
      gatewayReference: 'CBS0001',
    });
    const [request] = sent;
    if (!request) throw new Error('nothing sent');
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://corebank.test/gateway/payouts');
    expect(JSON.parse(request.body)).toEqual({ ...instruction, currency: 'CNY' });
    expect(request.headers['x-cbs-client-id']).toBe(clientId);
    // The gateway can check the signature over the exact body with the shared secret, and a
    // body changed on the way no longer verifies.
    const signed = {
      purpose: 'request',
      method: 'POST',
      pathWithQuery: '/gateway/payouts',
    } as const;
    expect(verifyCoreBankSignature(signed, request.body, request.headers, secret)).not.toBeNull();
    const altered = request.body.replace('123456', '923456');
    expect(verifyCoreBankSignature(signed, altered, request.headers, secret)).toBeNull();
  });

  it('reads a synchronous success with its booking time, and a failure with its code and message', async () => {
    const { client, sent } = clientAnswering((request, clock) =>
      request.method === 'POST'
        ? signedAnswer(clock, 200, {
            ...accepted,
            status: 'SUCCEEDED',
            bookedAt: '2026-11-20T02:00:00.000Z',
          })
        : signedAnswer(clock, 200, {
            ...accepted,
            status: 'FAILED',
            failureCode: 'account_closed',
            failureMessage: '账户已销户',
          }),
    );
    expect(await client.submit({ ...instruction, mode: 'sync' })).toEqual({
      status: 'succeeded',
      gatewayReference: 'CBS0001',
      bookedAt: new Date('2026-11-20T02:00:00.000Z'),
    });
    expect(await client.query(instruction.instructionId)).toEqual({
      status: 'failed',
      failureCode: 'account_closed',
      failureMessage: '账户已销户',
      gatewayReference: 'CBS0001',
    });
    expect(sent[1]?.method).toBe('GET');
    expect(sent[1]?.url).toBe(`http://corebank.test/gateway/payouts/${instruction.instructionId}`);
  });

  it('keeps a failure code it does not know as a failure, never as a success', async () => {
    const { client } = clientAnswering((_request, clock) =>
      signedAnswer(clock, 200, {
        ...accepted,
        status: 'FAILED',
        failureCode: 'E9913',
        failureMessage: '风控拦截',
      }),
    );
    expect(await client.query(instruction.instructionId)).toMatchObject({
      status: 'failed',
      failureCode: 'rejected',
      failureMessage: '风控拦截',
    });
  });

  it('answers unknown to every answer it cannot trust', async () => {
    const cases: [string, (clock: ManualClock) => HttpResponse | Promise<never>][] = [
      ['timeout', () => Promise.reject(new TransportFailure('timeout', 'no answer'))],
      ['connection', () => Promise.reject(new TransportFailure('connection', 'refused'))],
      ['http_503', () => ({ status: 503, headers: {}, body: '' })],
      [
        'bad_response_signature',
        () => ({ status: 200, headers: {}, body: JSON.stringify(accepted) }),
      ],
      ['bad_response_signature', (clock) => signedAnswer(clock, 200, accepted, 'another-secret')],
      ['unreadable_response', (clock) => signedAnswer(clock, 200, '<html>busy</html>')],
      ['unreadable_response', (clock) => signedAnswer(clock, 200, { ...accepted, status: 'DONE' })],
      ['unreadable_response', (clock) => signedAnswer(clock, 200, { ...accepted, amountFen: 1.5 })],
      [
        'unreadable_response',
        (clock) => signedAnswer(clock, 200, { ...accepted, status: 'SUCCEEDED' }),
      ],
      [
        'mismatched_response',
        (clock) => signedAnswer(clock, 200, { ...accepted, instructionId: 'pyo_other' }),
      ],
      ['mismatched_response', (clock) => signedAnswer(clock, 200, { ...accepted, amountFen: 1 })],
      [
        'INSTRUCTION_CONFLICT',
        (clock) => signedAnswer(clock, 409, { code: 'INSTRUCTION_CONFLICT', message: '冲突' }),
      ],
      ['BAD_SIGNATURE', (clock) => signedAnswer(clock, 401, { code: 'BAD_SIGNATURE' })],
    ];
    for (const [reason, answer] of cases) {
      const clock = new ManualClock();
      const client = createCoreBankClient({
        baseUrl: 'http://corebank.test',
        clientId,
        secret: new Secret(secret),
        transport: async () => answer(clock),
        clock,
      });
      expect(await client.submit(instruction), reason).toEqual({ status: 'unknown', reason });
    }
  });

  it('fails an instruction the gateway refused as invalid, and says unknown for one it never received', async () => {
    const { client } = clientAnswering((request, clock) =>
      request.method === 'POST'
        ? signedAnswer(clock, 400, { code: 'INVALID_INSTRUCTION', message: '指令参数错误' })
        : signedAnswer(clock, 404, { code: 'INSTRUCTION_NOT_FOUND', message: '指令不存在' }),
    );
    expect(await client.submit(instruction)).toEqual({
      status: 'failed',
      failureCode: 'rejected',
      failureMessage: '指令参数错误',
    });
    expect(await client.query(instruction.instructionId)).toEqual({
      status: 'unknown',
      reason: 'instruction_not_found',
    });
  });
});

describe('core bank notifications', () => {
  const { client, clock } = clientAnswering(() => ({ status: 503, headers: {}, body: '' }));

  it('reads a signed notification into our terms, with a key that is the same on every retry', () => {
    const first = client.verifyNotification(signedNotification(clock, succeededNotification));
    expect(first).toEqual({
      instructionId: instruction.instructionId,
      gatewayReference: 'CBS0001',
      amountFen: instruction.amountFen,
      status: 'succeeded',
      bookedAt: new Date('2026-11-20T02:00:03.000Z'),
      dedupKey: 'corebank:payout:CBS0001:SUCCEEDED',
    });
    clock.advance(15_000);
    const retry = client.verifyNotification(
      signedNotification(clock, { ...succeededNotification, notificationId: 'CBN2' }),
    );
    expect(retry.dedupKey).toBe(first.dedupKey);
  });

  it('reads a failure notification with its code and message', () => {
    const failed = client.verifyNotification(
      signedNotification(clock, {
        ...succeededNotification,
        status: 'FAILED',
        bookedAt: undefined,
        failureCode: 'name_mismatch',
        failureMessage: '户名不符',
      }),
    );
    expect(failed).toMatchObject({
      status: 'failed',
      failureCode: 'name_mismatch',
      failureMessage: '户名不符',
    });
    expect(failed.bookedAt).toBeUndefined();
  });

  it('rejects a forged, tampered, replayed, unsigned or malformed notification', () => {
    const genuine = signedNotification(clock, succeededNotification);
    const forged = signedNotification(clock, succeededNotification, 'attacker-secret');
    const tampered = {
      headers: genuine.headers,
      rawBody: genuine.rawBody.replace('"amountFen":123456', '"amountFen":999999'),
    };
    const reordered = {
      headers: genuine.headers,
      rawBody: JSON.stringify({ ...succeededNotification, bookedAt: undefined }),
    };
    const unsigned = { headers: {}, rawBody: genuine.rawBody };
    const badHex = {
      headers: { ...genuine.headers, 'x-cbs-signature': 'zz' },
      rawBody: genuine.rawBody,
    };
    const notJson = signedNotification(clock, 'not json');
    const notJsonRaw = {
      rawBody: '{"type":',
      headers: coreBankSignatureHeaders({ purpose: 'notification' }, '{"type":', {
        clientId,
        secret,
        now: clock.now(),
      }),
    };
    const wrongShape = signedNotification(clock, { ...succeededNotification, amountFen: '123456' });
    // A signed *response* replayed as a notification does not verify: the purpose is signed.
    const replayedResponse = signedAnswer(clock, 200, succeededNotification);
    for (const [name, notification] of Object.entries({
      forged,
      tampered,
      reordered,
      unsigned,
      badHex,
      notJson,
      notJsonRaw,
      wrongShape,
      replayedResponse: { headers: replayedResponse.headers, rawBody: replayedResponse.body },
    })) {
      expect(() => client.verifyNotification(notification), name).toThrow(NotificationRejected);
    }
    const old = signedNotification(clock, succeededNotification);
    clock.advance(6 * 60_000);
    expect(() => client.verifyNotification(old)).toThrow(/out of range/);
  });

  it('acknowledges with HTTP 200 to stop the retries, and asks for another with 500', () => {
    expect(client.acknowledge(true)).toEqual({
      statusCode: 200,
      contentType: 'application/json',
      body: '{"code":"SUCCESS","message":"成功"}',
    });
    expect(client.acknowledge(false).statusCode).toBe(500);
  });
});
