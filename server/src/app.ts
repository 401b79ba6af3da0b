import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import scalarReference from '@scalar/fastify-api-reference';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { createChannelClients, createInProcessTransport } from './adapters/channels/index.js';
import type { CoreBankClient } from './adapters/corebank/corebank-client.js';
import { createCoreBankClient } from './adapters/corebank/corebank-http-client.js';
import { createLoggingSmsSender } from './adapters/sms/sms-sender.js';
import type { Config } from './config.js';
import { auditRoutes } from './modules/audit/index.js';
import { consoleRoutes } from './modules/console/index.js';
import { farmerRoutes } from './modules/farmers/index.js';
import { authRoutes, requestAuthenticator, staffRoutes } from './modules/identity/index.js';
import { ledgerRoutes } from './modules/ledger/index.js';
import { marketRoutes } from './modules/markets/index.js';
import {
  merchantIsVisible,
  merchantRoutes,
  registerMerchantJobs,
} from './modules/merchants/index.js';
import { orgRoutes } from './modules/orgs/index.js';
import { paymentsModuleRoutes, registerPaymentJobs } from './modules/payments/index.js';
import { payoutRoutes, registerPayoutJobs } from './modules/payouts/index.js';
import {
  reconciliationRoutes,
  registerReconciliationJobs,
} from './modules/reconciliation/index.js';
import { registerSettlementJobs, settlementRoutes } from './modules/settlement/index.js';
import type { Clock } from './platform/clock.js';
import type { Encryptor } from './platform/crypto/encryption.js';
import type { Database } from './platform/db/database.js';
import { createLocalFileStore } from './platform/files/file-store.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import { healthRoutes } from './platform/http/health-routes.js';
import { installMetrics } from './platform/http/metrics.js';
import {
  installAccessGuard,
  type RouteRecord,
  requireDeclaredAccess,
} from './platform/http/route-access.js';
import { newId } from './platform/ids.js';
import { JobQueue } from './platform/jobs/job-queue.js';
import {
  createSimulators,
  processSimulatorKeys,
  type SimulatorSet,
  simulatorClientSettings,
  simulatorCoreBankSettings,
  simulatorRoutes,
} from './simulators/index.js';

export type AppDeps = {
  config: Config;
  database: Database;
  clock: Clock;
  encryptor: Encryptor;
  logger: Logger;
};

export type SharefinApp = {
  app: FastifyInstance;
  jobs: JobQueue;
  routes: RouteRecord[];
  /** The in-process channel simulators every channel client talks to by default. */
  simulators: SimulatorSet;
  /** The core bank's payout gateway client; the in-process simulator by default. */
  coreBank: CoreBankClient;
};

const requestIdPattern = /^[A-Za-z0-9_.:-]{8,128}$/;

/** Builds the whole HTTP application from its modules; main.ts decides what to run. */
export async function buildApp(deps: AppDeps): Promise<SharefinApp> {
  const { config, database, clock, encryptor, logger } = deps;
  const db = database.db;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    // A caller's own Request-Id is kept when it looks like one, so traces join up across systems.
    genReqId: (request) => {
      const given = request.headers['request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : newId('request');
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routes = requireDeclaredAccess(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('Request-Id', request.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its CSS-in-JS as inline styles; the API reference inlines its config.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sharefin API',
        version: '1.0.0',
        description:
          '共享金融综合服务平台 API. Conventions: docs/api.md (errors, pagination, idempotency, money in fen).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sf_session' },
          merchantApiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'sk_live_…' },
        },
      },
      security: [{ session: [] }, { merchantApiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  installErrorHandler(app);
  const registry = installMetrics(app, database.poolStats);
  // A session cookie for people; `Authorization: Bearer sk_…` for a merchant's own systems.
  installAccessGuard(app, requestAuthenticator({ db, clock, config }));

  const jobs = new JobQueue({ db, clock, logger, pollMs: config.jobsPollMs });

  await app.register(healthRoutes({ database, registry }));
  await app.register(authRoutes({ db, clock, config, encryptor }));
  await app.register(orgRoutes({ db, clock }));
  await app.register(staffRoutes({ db, clock }));
  await app.register(auditRoutes({ db }));
  await app.register(consoleRoutes({ db }));
  const merchantDeps = {
    db,
    clock,
    config,
    encryptor,
    jobs,
    files: createLocalFileStore(config.filesDir),
    sms: createLoggingSmsSender(logger),
  };
  registerMerchantJobs(merchantDeps);
  await app.register(merchantRoutes(merchantDeps));
  await app.register(marketRoutes(merchantDeps));

  // The channels are the simulators mounted in this process (DESIGN.md §1): the clients call
  // them without TCP, and their notifications come back through the app's own HTTP pipeline.
  const simulators = createSimulators({
    clock,
    keys: processSimulatorKeys(),
    deliver: async (url, message) => {
      const response = await app.inject({
        method: 'POST',
        url: new URL(url).pathname,
        headers: message.headers,
        payload: message.body,
      });
      return { statusCode: response.statusCode, body: response.body };
    },
  });
  const channelClients = createChannelClients(
    simulatorClientSettings(processSimulatorKeys(), {
      origin: config.publicUrl,
      clock,
      timeoutMs: config.channelTimeoutMs,
      transport: createInProcessTransport(simulators.handle, {
        timeoutMs: config.channelTimeoutMs,
      }),
    }),
  );
  // The core bank's payout gateway is simulated the same way; its outcome notifications go to
  // the payouts module's route through the same `deliver`.
  const coreBank = createCoreBankClient({
    ...simulatorCoreBankSettings(processSimulatorKeys(), { origin: config.publicUrl }),
    clock,
    transport: createInProcessTransport(simulators.handle, {
      timeoutMs: config.channelTimeoutMs,
    }),
  });
  await app.register(simulatorRoutes({ simulators }));
  const paymentDeps = { db, clock, config, jobs, logger, channels: channelClients };
  registerPaymentJobs(paymentDeps);
  await app.register(paymentsModuleRoutes(paymentDeps));
  await app.register(ledgerRoutes({ db, merchantVisible: merchantIsVisible }));
  // Channel statements are matched against payments; the fetch downloads through the clients.
  const reconDeps = { db, clock, jobs, logger, channels: channelClients };
  registerReconciliationJobs(reconDeps);
  await app.register(reconciliationRoutes(reconDeps));
  // Settlement pays merchants through the core bank's payout gateway (the simulator by default).
  const payoutDeps = { db, clock, config, logger, encryptor, coreBank, jobs };
  registerPayoutJobs(jobs, payoutDeps);
  await app.register(payoutRoutes(payoutDeps));
  registerSettlementJobs(jobs, payoutDeps);
  await app.register(settlementRoutes(payoutDeps));
  // Produce purchasers pay farmers in the field through the same gateway, synchronously.
  await app.register(farmerRoutes(payoutDeps));
  await app.register(scalarReference, {
    routePrefix: '/docs',
    configuration: { url: '/openapi.json', title: 'Sharefin API' },
  });

  serveWebApp(app, config.webDistDir);
  return { app, jobs, routes, simulators, coreBank };
}

/** The built web app, with every non-API path answered by index.html for client routing. */
function serveWebApp(app: FastifyInstance, distDir: string): void {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    app.log.warn(
      { distDir },
      'web app not built; the API runs without the console (npm start builds it)',
    );
    return;
  }
  void app.register(fastifStatic, { root: distDir, wildcard: false, index: false });
  const apiLike = /^\/(api|sim|docs|openapi\.json|healthz|readyz|metrics)(\/|$)/;
  app.get('/*', (request, reply) => {
    if (apiLike.test(request.url)) return reply.callNotFound();
    const file = request.url.split('?')[0]?.slice(1) ?? '';
    if (file && existsSync(path.join(distDir, file)) && !file.includes('..'))
      return reply.sendFile(file);
    // Store and order codes (/q/…) open the payer's cashier, its own small page (web/cashier.html).
    const page = file.startsWith('q/') ? 'cashier.html' : 'index.html';
    return reply.header('Cache-Control', 'no-cache').sendFile(page);
  });
}
