import type { Logger } from 'pino';
import { maskMobile } from '../../platform/masking.js';

/** Outbound text messages. A gateway adapter implements this for production. */
export type SmsSender = {
  send(message: { mobile: string; text: string }): Promise<void>;
};

/**
 * The default sender: writes each message to the log with the number masked, so a demo or a
 * test shows what would have been sent. Messages never carry secrets (codes, passwords).
 */
export function createLoggingSmsSender(logger: Logger): SmsSender {
  return {
    async send({ mobile, text }) {
      logger.info({ sms: { to: maskMobile(mobile), text } }, 'sms sent (logging sender)');
    },
  };
}
