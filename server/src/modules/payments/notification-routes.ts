import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/principal.js';
import type { PaymentDeps } from './deps.js';
import { receiveNotification } from './receive-notification.js';
import { channels } from './tables.js';

/**
 * Where the channels post their asynchronous notifications. Signatures cover the exact bytes,
 * so the body is kept as the string it arrived as (this plugin's own parser, for every content
 * type the channels use) and the channel's client reads it. The reply is in the channel's own
 * format: an acknowledgement stops its retries.
 */
export function notificationRoutes(deps: PaymentDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: 65_536 },
      (_request, body, done) => done(null, body),
    );
    app.post(
      '/api/v1/channels/:channel/notifications',
      {
        // The channel authenticates by its signature, which the use case verifies.
        config: { access: { permission: 'public' } },
        schema: {
          tags: ['payments'],
          summary: 'A payment channel’s notification (signed; answered in the channel’s format)',
          params: z.object({ channel: z.enum(channels) }),
        },
      },
      async (request, reply) => {
        const { ack } = await receiveNotification(
          deps,
          request.params.channel,
          {
            headers: request.headers,
            rawBody: typeof request.body === 'string' ? request.body : '',
          },
          actorOf(null, request),
        );
        return reply.code(ack.statusCode).type(ack.contentType).send(ack.body);
      },
    );
  };
}
