import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { type Database, ping } from '../db/database.js';
import { appliedMigrationCount, expectedMigrationCount } from '../db/migrations.js';

/** Probes for the load balancer and the orchestrator, the metrics scrape and the API document. */
export function healthRoutes(deps: { database: Database; registry: Registry }) {
  return async (app: FastifyInstance) => {
    const hidden = { schema: { hide: true } };
    app.get('/healthz', hidden, async () => ({ status: 'ok' }));
    app.get('/readyz', hidden, async (_request, reply) => {
      try {
        await ping(deps.database.db);
        const applied = await appliedMigrationCount(deps.database);
        const expected = expectedMigrationCount();
        if (applied < expected) {
          return reply.code(503).send({ status: 'migrations_pending', applied, expected });
        }
        return { status: 'ready', database: deps.database.kind, migrations: applied };
      } catch (error) {
        app.log.warn({ err: error }, 'readiness check failed');
        return reply.code(503).send({ status: 'database_unreachable' });
      }
    });
    app.get('/metrics', hidden, async (_request, reply) => {
      reply.header('Content-Type', deps.registry.contentType);
      return deps.registry.metrics();
    });
    app.get('/openapi.json', hidden, async () => app.swagger());
  };
}
