import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { merchantRoles } from '../../platform/auth/permissions.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { callerOf, principalOf } from '../../platform/http/route-access.js';
import { pageQuerySchema } from '../../platform/pagination.js';
import { findMerchantUser } from '../identity/index.js';
import type { MerchantDeps } from './deps.js';
import { portalMerchantId, storeLimitOf } from './merchant-for-change.js';
import { merchantForCaller } from './merchant-scope.js';
import {
  addMerchantUser,
  changeMerchantUser,
  createMerchantUserBodySchema,
  listMerchantStaff,
  merchantUserPageSchema,
  merchantUserSchema,
  updateMerchantUserBodySchema,
} from './merchant-staff.js';
import { toMerchantView } from './merchant-view.js';
import {
  listNotifications,
  markNotificationRead,
  notificationPageSchema,
  notificationQuerySchema,
  notificationSchema,
} from './notifications.js';
import { merchantSchema } from './schemas.js';
import {
  createStore,
  createStoreBodySchema,
  listStores,
  storePageSchema,
  storeSchema,
  updateStore,
  updateStoreBodySchema,
} from './stores.js';

const portalMerchantSchema = merchantSchema.extend({
  me: z.object({
    userId: z.string(),
    displayName: z.string(),
    role: z.enum(merchantRoles).nullable(),
    storeId: z.string().nullable(),
  }),
});

/**
 * The merchant portal: a merchant user's own merchant, stores, staff and notifications. The
 * merchant always comes from the session, never from the URL, so there is no other merchant's
 * id to try; a store, user or notification id of another merchant is a 404.
 */
export function portalRoutes(deps: MerchantDeps): FastifyPluginAsyncZod {
  const { db, clock, encryptor } = deps;
  const tags = ['merchant portal'];
  return async (app) => {
    app.get(
      '/api/v1/portal/merchant',
      {
        config: { access: { permission: 'portal:read' } },
        schema: {
          tags,
          summary: 'The caller’s merchant, with who the caller is in it',
          response: { 200: portalMerchantSchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const merchant = await merchantForCaller(db, principal, portalMerchantId(principal));
        const me = await findMerchantUser(db, merchant.id, principal.userId);
        return {
          ...(await toMerchantView(db, encryptor, merchant)),
          me: {
            userId: principal.userId,
            displayName: me?.displayName ?? '',
            role: me?.role ?? null,
            storeId: me?.storeId ?? null,
          },
        };
      },
    );

    app.get(
      '/api/v1/portal/stores',
      {
        config: { access: { permission: 'portal:read' } },
        schema: {
          tags,
          summary: 'The merchant’s stores; a cashier sees only their own',
          querystring: pageQuerySchema,
          response: { 200: storePageSchema },
        },
      },
      (request) => {
        const principal = principalOf(request);
        return listStores(db, portalMerchantId(principal), {
          ...request.query,
          onlyStoreId: storeLimitOf(principal),
        });
      },
    );
    app.post(
      '/api/v1/portal/stores',
      {
        config: { access: { permission: 'portal:stores' } },
        schema: {
          tags,
          summary: 'Open a store',
          body: createStoreBodySchema,
          response: { 201: storeSchema },
        },
      },
      (request, reply) => {
        const caller = callerOf(request);
        return idempotent(deps, request, reply, 201, (tx) =>
          createStore(tx, clock, caller, portalMerchantId(caller.principal), request.body),
        );
      },
    );
    app.patch(
      '/api/v1/portal/stores/:storeId',
      {
        config: { access: { permission: 'portal:stores' } },
        schema: {
          tags,
          summary: 'Edit a store: name, region, address, hours or status',
          params: z.object({ storeId: z.string() }),
          body: updateStoreBodySchema,
          response: { 200: storeSchema },
        },
      },
      (request) => {
        const caller = callerOf(request);
        return db.transaction((tx) =>
          updateStore(
            tx,
            clock,
            caller,
            portalMerchantId(caller.principal),
            request.params.storeId,
            request.body,
          ),
        );
      },
    );

    app.get(
      '/api/v1/portal/users',
      {
        config: { access: { permission: 'portal:staff' } },
        schema: {
          tags,
          summary: 'The merchant’s users: owner, managers and cashiers',
          querystring: pageQuerySchema,
          response: { 200: merchantUserPageSchema },
        },
      },
      (request) =>
        listMerchantStaff(db, encryptor, portalMerchantId(principalOf(request)), request.query),
    );
    app.post(
      '/api/v1/portal/users',
      {
        config: { access: { permission: 'portal:staff' } },
        schema: {
          tags,
          summary: 'Add a manager or cashier; the temporary password is shown once',
          body: createMerchantUserBodySchema,
          response: { 201: z.object({ user: merchantUserSchema, temporaryPassword: z.string() }) },
        },
      },
      (request, reply) => {
        const caller = callerOf(request);
        return idempotent(deps, request, reply, 201, (tx) =>
          addMerchantUser(tx, deps, caller, portalMerchantId(caller.principal), request.body),
        );
      },
    );
    app.patch(
      '/api/v1/portal/users/:userId',
      {
        config: { access: { permission: 'portal:staff' } },
        schema: {
          tags,
          summary: 'Rename a user, change their role or store, or disable them',
          params: z.object({ userId: z.string() }),
          body: updateMerchantUserBodySchema,
          response: { 200: merchantUserSchema },
        },
      },
      (request) => {
        const caller = callerOf(request);
        return db.transaction((tx) =>
          changeMerchantUser(
            tx,
            deps,
            caller,
            portalMerchantId(caller.principal),
            request.params.userId,
            request.body,
          ),
        );
      },
    );

    app.get(
      '/api/v1/portal/notifications',
      {
        config: { access: { permission: 'portal:read' } },
        schema: {
          tags,
          summary: 'The merchant’s notifications, newest first, with the unread count',
          querystring: notificationQuerySchema,
          response: { 200: notificationPageSchema },
        },
      },
      (request) => listNotifications(db, portalMerchantId(principalOf(request)), request.query),
    );
    app.post(
      '/api/v1/portal/notifications/:id/read',
      {
        config: { access: { permission: 'portal:read' } },
        schema: {
          tags,
          summary: 'Mark a notification read',
          params: z.object({ id: z.string() }),
          response: { 200: notificationSchema },
        },
      },
      (request) =>
        markNotificationRead(db, clock, portalMerchantId(principalOf(request)), request.params.id),
    );
  };
}
