import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolePermissions, staffRoles } from '../../platform/auth/permissions.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { callerOf, principalOf } from '../../platform/http/route-access.js';
import { createStaff } from './create-staff.js';
import {
  createStaffBodySchema,
  staffListQuerySchema,
  staffPageSchema,
  staffSchema,
  updateStaffBodySchema,
} from './schemas.js';
import {
  lockStaff,
  resetStaffMfa,
  resetStaffPassword,
  unlockStaff,
} from './staff-account-actions.js';
import { listStaff, staffInScope, toStaffView } from './staff-directory.js';
import { updateStaff } from './update-staff.js';

export function staffRoutes(deps: { db: Db; clock: Clock }): FastifyPluginAsyncZod {
  const { db, clock } = deps;
  const idParams = z.object({ id: z.string() });
  const write = { config: { access: { permission: 'staff:write' as const } } };
  return async (app) => {
    app.get(
      '/api/v1/roles',
      {
        config: { access: { permission: 'staff:read' } },
        schema: {
          tags: ['staff'],
          summary: 'Staff roles and their permissions',
          response: {
            200: z.object({
              data: z.array(z.object({ role: z.string(), permissions: z.array(z.string()) })),
            }),
          },
        },
      },
      async () => ({
        data: staffRoles.map((role) => ({ role, permissions: [...rolePermissions[role]] })),
      }),
    );
    app.get(
      '/api/v1/staff',
      {
        config: { access: { permission: 'staff:read' } },
        schema: {
          tags: ['staff'],
          summary: 'Staff of the caller’s subtree',
          querystring: staffListQuerySchema,
          response: { 200: staffPageSchema },
        },
      },
      (request) => listStaff(db, principalOf(request), request.query),
    );
    app.get(
      '/api/v1/staff/:id',
      {
        config: { access: { permission: 'staff:read' } },
        schema: {
          tags: ['staff'],
          summary: 'One staff user',
          params: idParams,
          response: { 200: staffSchema },
        },
      },
      async (request) => {
        const { user, node, roles } = await staffInScope(
          db,
          principalOf(request),
          request.params.id,
        );
        return toStaffView(user, node, roles);
      },
    );
    app.post(
      '/api/v1/staff',
      {
        config: write.config,
        schema: {
          tags: ['staff'],
          summary: 'Create a staff user; the temporary password is shown once',
          body: createStaffBodySchema,
          response: { 201: z.object({ staff: staffSchema, temporaryPassword: z.string() }) },
        },
      },
      (request, reply) =>
        idempotent(deps, request, reply, 201, (tx) =>
          createStaff(tx, clock, callerOf(request), request.body),
        ),
    );
    app.patch(
      '/api/v1/staff/:id',
      {
        config: write.config,
        schema: {
          tags: ['staff'],
          summary: 'Change name, node or roles',
          params: idParams,
          body: updateStaffBodySchema,
          response: { 200: staffSchema },
        },
      },
      (request) =>
        db.transaction((tx) =>
          updateStaff(tx, clock, callerOf(request), request.params.id, request.body),
        ),
    );
    const actions = [
      ['lock', 'Lock the account and end its sessions', lockStaff],
      ['unlock', 'Unlock the account', unlockStaff],
      ['mfa-reset', 'Remove the authenticator; the user enrolls again', resetStaffMfa],
    ] as const;
    for (const [name, summary, action] of actions) {
      app.post(
        `/api/v1/staff/:id/${name}`,
        {
          config: write.config,
          schema: { tags: ['staff'], summary, params: idParams, response: { 200: staffSchema } },
        },
        (request) =>
          db.transaction((tx) => action(tx, clock, callerOf(request), request.params.id)),
      );
    }
    app.post(
      '/api/v1/staff/:id/password-reset',
      {
        config: write.config,
        schema: {
          tags: ['staff'],
          summary: 'Issue a temporary password, shown once',
          params: idParams,
          response: { 200: z.object({ temporaryPassword: z.string() }) },
        },
      },
      (request) =>
        db.transaction((tx) => resetStaffPassword(tx, clock, callerOf(request), request.params.id)),
    );
  };
}
