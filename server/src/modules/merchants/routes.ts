import fastifyMultipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import { accountChangeRoutes } from './account-change-routes.js';
import { apiKeyRoutes } from './api-key-routes.js';
import { applicationRoutes } from './application-routes.js';
import type { MerchantDeps } from './deps.js';
import { merchantUserRoutes } from './merchant-user-routes.js';
import { portalRoutes } from './portal-routes.js';
import { referralRoutes } from './referral-routes.js';
import { staffMerchantRoutes } from './staff-merchant-routes.js';
import { storeRoutes } from './store-routes.js';

/** Every HTTP route of the merchants module, each file one audience or one concern. */
export function merchantRoutes(deps: MerchantDeps): FastifyPluginAsync {
  return async (app) => {
    // Uploads are parsed only by the routes that read them (merchant-documents.ts readUpload).
    await app.register(fastifyMultipart);
    await app.register(rateLimit, { global: false });
    await app.register(applicationRoutes(deps));
    await app.register(staffMerchantRoutes(deps));
    await app.register(merchantUserRoutes(deps));
    await app.register(storeRoutes(deps));
    await app.register(portalRoutes(deps));
    await app.register(apiKeyRoutes(deps));
    await app.register(accountChangeRoutes(deps));
    await app.register(referralRoutes(deps));
  };
}
