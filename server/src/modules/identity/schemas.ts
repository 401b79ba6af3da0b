import { z } from 'zod';
import { staffRoles } from '../../platform/auth/permissions.js';
import { pageQuerySchema, pageSchema } from '../../platform/pagination.js';

const orgNodeRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['head_office', 'branch', 'sub_branch']),
});

export const loginStepSchema = z.enum(['done', 'mfa_verify', 'mfa_enroll', 'change_password']);

export const loginBodySchema = z.strictObject({
  /** Staff log in with a username, merchant users with their mobile number. */
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  realm: z.enum(['staff', 'merchant']).default('staff'),
});

export const setupPasswordBodySchema = z.strictObject({
  mobile: z.string().trim().min(1).max(20),
  setupCode: z.string().regex(/^\d{8}$/, '8 digits'),
  password: z.string().min(1).max(200),
});

export const loginReplySchema = z.object({ next: loginStepSchema, csrfToken: z.string() });

export const mfaVerifyBodySchema = z.union([
  z.strictObject({ code: z.string().regex(/^\d{6}$/, '6 digits') }),
  z.strictObject({ recoveryCode: z.string().min(6).max(32) }),
]);

export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    realm: z.enum(['staff', 'merchant', 'developer']),
    roles: z.array(z.string()),
    permissions: z.array(z.string()),
    orgNode: orgNodeRefSchema.nullable(),
    mfaEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
  }),
  session: z.object({
    csrfToken: z.string(),
    mfaPassed: z.boolean(),
    mfaRequired: z.boolean(),
    currentOrgNode: orgNodeRefSchema.nullable(),
  }),
  settings: z.object({ mfaEnforced: z.boolean() }),
});

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const mfaEnrollmentSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrCodeDataUrl: z.string(),
});
export const mfaConfirmBodySchema = z.strictObject({
  code: z.string().regex(/^\d{6}$/, '6 digits'),
});

export const staffRoleSchema = z.enum(staffRoles);

export const staffSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgNode: orgNodeRefSchema.nullable(),
  roles: z.array(z.string()),
  status: z.enum(['active', 'locked']),
  mfaEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});

export const staffListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(64).optional(),
  orgNodeId: z.string().optional(),
  role: staffRoleSchema.optional(),
  status: z.enum(['active', 'locked']).optional(),
});

export const staffPageSchema = pageSchema(staffSchema);

export const createStaffBodySchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(
      /^[a-z][a-z0-9._-]{2,31}$/,
      '3–32 lowercase letters, digits, . _ -, starting with a letter',
    ),
  displayName: z.string().trim().min(1).max(60),
  orgNodeId: z.string().min(1),
  roles: z.array(staffRoleSchema).min(1).max(6),
});

export const updateStaffBodySchema = z.strictObject({
  displayName: z.string().trim().min(1).max(60).optional(),
  orgNodeId: z.string().min(1).optional(),
  roles: z.array(staffRoleSchema).min(1).max(6).optional(),
});

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first 12 characters of the secret, to tell keys apart'),
  status: z.enum(['active', 'revoked']),
  createdByUserId: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable().describe('To the minute: updated at most once a minute'),
  revokedAt: z.iso.datetime().nullable(),
});

export const apiKeyPageSchema = pageSchema(apiKeySchema);

export const createApiKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(50).describe('What the key is for, e.g. the system using it'),
});

export const createdApiKeySchema = z.object({
  key: apiKeySchema,
  secret: z
    .string()
    .nullable()
    .describe(
      'Send as `Authorization: Bearer <secret>`. Shown in this reply only; a replay of the same ' +
        'Idempotency-Key answers null (the secret is kept nowhere): revoke that key and create another.',
    ),
});
