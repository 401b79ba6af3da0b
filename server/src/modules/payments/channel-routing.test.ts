import { describe, expect, it } from 'vitest';
import { channelForAuthCode } from './channel-routing.js';

describe('routing a customer’s payment code by its prefix', () => {
  it.each([
    ['134567890123456789', 'wechat'],
    ['104567890123456789', 'wechat'],
    ['154567890123456789', 'wechat'],
    ['2812345678901234', 'alipay'],
    ['250000000000000000000000', 'alipay'],
    ['300012345678901234', 'alipay'],
    ['6212345678901234567', 'unionpay'],
  ])('%s goes to %s', (code, channel) => {
    expect(channelForAuthCode(code)).toBe(channel);
  });

  it.each([
    ['164567890123456789', 'WeChat prefix out of range'],
    ['13456789012345678', 'WeChat code one digit short'],
    ['311234567890123456', 'Alipay prefix out of range'],
    ['2412345678901234', 'Alipay prefix below range'],
    ['621234567890123456', 'UnionPay code one digit short'],
    ['6312345678901234567', 'not a UnionPay prefix'],
    ['13456789012345678a', 'not digits'],
    ['88123456789012345678', 'the bank’s app shows no payment code'],
  ])('%s is refused (%s)', (code) => {
    expect(channelForAuthCode(code)).toBeNull();
  });
});
