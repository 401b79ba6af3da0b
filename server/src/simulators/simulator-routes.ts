import type { FastifyInstance } from 'fastify';
import type { SimulatorSet } from './create-simulators.js';

/**
 * Mounts the simulators under /sim/<channel>/ (outside /api, so the access guard does not
 * apply: they are other companies' systems, authenticated by their own signatures). Bodies are
 * kept as the exact text received, because every channel signs bytes, not parsed values.
 */
export function simulatorRoutes(options: { simulators: SimulatorSet }) {
  return async function registerSimulatorRoutes(app: FastifyInstance): Promise<void> {
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) =>
        done(null, body),
      );
      scope.route({
        method: ['GET', 'POST'],
        url: '/sim/*',
        schema: { hide: true },
        handler: async (request, reply) => {
          const controller = new AbortController();
          reply.raw.on('close', () => {
            if (!reply.raw.writableFinished) controller.abort();
          });
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(request.headers)) {
            if (typeof value === 'string') headers[name] = value;
            else if (Array.isArray(value)) headers[name] = value.join(', ');
          }
          const answer = await options.simulators.handle({
            method: request.method,
            path: request.url,
            headers,
            body: typeof request.body === 'string' ? request.body : '',
            signal: controller.signal,
          });
          return reply
            .code(answer.status)
            .headers(answer.headers)
            .send(answer.bodyBytes ? Buffer.from(answer.bodyBytes) : answer.body);
        },
      });
    });
  };
}
