import type { FastifyPluginAsync } from 'fastify';
import type { MerchantDeps } from '../merchants/index.js';
import { portalMarketRoutes } from './portal-market-routes.js';
import { staffMarketRoutes } from './staff-market-routes.js';

/** Every HTTP route of the markets module: the console's and the merchant portal's. */
export function marketRoutes(deps: MerchantDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(staffMarketRoutes(deps));
    await app.register(portalMarketRoutes(deps));
  };
}
