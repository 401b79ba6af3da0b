import type { Channel } from '../../modules/payments/tables.js';
import { type Clock, systemClock } from '../../platform/clock.js';
import { type AlipayClientSettings, createAlipayClient } from './alipay/alipay-client.js';
import { type BankappClientSettings, createBankappClient } from './bankapp/bankapp-client.js';
import { type CardClientSettings, createCardClient } from './card/card-client.js';
import type { ChannelClient } from './channel-client.js';
import { createFetchTransport, type HttpTransport } from './http-transport.js';
import { createUnionpayClient, type UnionpayClientSettings } from './unionpay/unionpay-client.js';
import { createWechatClient, type WechatClientSettings } from './wechat/wechat-client.js';

export type { AlipayClientSettings } from './alipay/alipay-client.js';
export type { BankappClientSettings } from './bankapp/bankapp-client.js';
export type { CardClientSettings } from './card/card-client.js';
export * from './channel-client.js';
export {
  createFetchTransport,
  defaultChannelTimeoutMs,
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
  TransportFailure,
} from './http-transport.js';
export {
  createInProcessTransport,
  type InProcessHandler,
  type InProcessRequest,
} from './in-process-transport.js';
export type { UnionpayClientSettings } from './unionpay/unionpay-client.js';
export type { WechatClientSettings } from './wechat/wechat-client.js';

type WithTransport<T> = T & { transport?: HttpTransport };

/**
 * Every channel's address, ids and keys. `transport` (default: fetch with `timeoutMs`) is used
 * by every channel unless the channel names its own.
 */
export type ChannelClientSettings = {
  transport?: HttpTransport;
  timeoutMs?: number;
  /** The clock signatures are timestamped with; tests pass the simulators' ManualClock. */
  clock?: Clock;
  wechat: WithTransport<WechatClientSettings>;
  alipay: WithTransport<AlipayClientSettings>;
  unionpay: WithTransport<UnionpayClientSettings>;
  bankapp: WithTransport<BankappClientSettings>;
  card: WithTransport<CardClientSettings>;
};

export function createChannelClients(
  settings: ChannelClientSettings,
): Record<Channel, ChannelClient> {
  const clock = settings.clock ?? systemClock;
  const shared = settings.transport ?? createFetchTransport({ timeoutMs: settings.timeoutMs });
  const deps = (own?: HttpTransport) => ({ transport: own ?? shared, clock });
  return {
    wechat: createWechatClient(settings.wechat, deps(settings.wechat.transport)),
    alipay: createAlipayClient(settings.alipay, deps(settings.alipay.transport)),
    unionpay: createUnionpayClient(settings.unionpay, deps(settings.unionpay.transport)),
    bankapp: createBankappClient(settings.bankapp, deps(settings.bankapp.transport)),
    card: createCardClient(settings.card, deps(settings.card.transport)),
  };
}
