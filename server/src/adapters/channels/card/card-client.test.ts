import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { Secret } from '../../../platform/crypto/secret.js';
import type { HttpRequest, HttpTransport } from '../http-transport.js';
import { createCardClient } from './card-client.js';
import { looksLikePan, passesLuhn } from './pan-guard.js';

function recordingClient() {
  const sent: HttpRequest[] = [];
  const transport: HttpTransport = async (request) => {
    sent.push(request);
    return { status: 503, headers: {}, body: '' };
  };
  const client = createCardClient(
    { baseUrl: 'http://acquirer.test', keyId: 'k', secret: new Secret('s') },
    { transport, clock: new ManualClock() },
  );
  return { client, sent };
}

const order = {
  outTradeNo: 'pay_1',
  amountFen: 100,
  channelMerchantId: 'CM1',
  description: 'POS',
  terminalId: 'T1',
};

describe('card client and card numbers', () => {
  it('recognises card numbers by Luhn, with or without separators', () => {
    expect(passesLuhn('6222021234567890123')).toBe(false);
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(looksLikePan('card 4111 1111 1111 1111 swiped')).toBe(true);
    expect(looksLikePan('6212-2602-0000-0000-006')).toBe(passesLuhn('6212260200000000006'));
    expect(looksLikePan('ctk_7f3a9b2c')).toBe(false);
    expect(looksLikePan('order 20261120')).toBe(false);
  });

  it('never sends a full card number: not as the token, not in the description, not as the terminal', async () => {
    const { client, sent } = recordingClient();
    for (const attempt of [
      { ...order, cardToken: '4111111111111111' },
      { ...order, cardToken: '6222 0212 3456 7890' },
      { ...order, cardToken: 'ctk_ok12345678', description: '卡号 4111-1111-1111-1111' },
      { ...order, cardToken: 'tok4111111111111111', description: 'POS' },
      { ...order, cardToken: 'ctk_ok12345678', terminalId: '4111111111111111' },
    ]) {
      expect(await client.payWithCardToken!(attempt)).toMatchObject({
        status: 'failed',
        failureCode: 'pan_refused',
      });
    }
    expect(sent).toHaveLength(0);
  });

  it('sends a host token, and a host it cannot reach answers unknown', async () => {
    const { client, sent } = recordingClient();
    expect(await client.payWithCardToken!({ ...order, cardToken: 'ctk_ok12345678' })).toEqual({
      status: 'unknown',
      reason: 'http_503',
    });
    expect(sent).toHaveLength(1);
    expect(looksLikePan(sent[0]!.body)).toBe(false);
  });
});
