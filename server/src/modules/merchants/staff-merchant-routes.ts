import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../platform/auth/principal.js';
import { preferredLanguage } from '../../platform/errors/app-error.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { callerOf, principalOf } from '../../platform/http/route-access.js';
import { pageQuerySchema, pageSchema } from '../../platform/pagination.js';
import { auditEventSchema, auditTrailOf } from '../audit/index.js';
import { merchantUserIds } from '../identity/index.js';
import { approveMerchant } from './approve-merchant.js';
import { changeMerchantStatus, type StatusAction } from './change-merchant-status.js';
import type { MerchantDeps } from './deps.js';
import { exportMerchants } from './export-merchants.js';
import { listMerchants, merchantFilterSchema, merchantListQuerySchema } from './list-merchants.js';
import {
  addDocument,
  listDocuments,
  readDocument,
  readUpload,
  removeDocument,
  sendDocument,
  toDocumentView,
} from './merchant-documents.js';
import { merchantForCaller } from './merchant-scope.js';
import { toMerchantView, toMerchantViews } from './merchant-view.js';
import { issueOwnerSetupCode } from './owner-setup.js';
import { revealableFields, revealPersonalField } from './reveal-personal-field.js';
import { decideReview, startReview } from './review-merchant.js';
import { createApplication, updateApplication } from './save-application.js';
import {
  documentSchema,
  merchantIdParams,
  merchantSchema,
  reasonSchema,
  reviewDecisionSchema,
  staffApplicationFieldsSchema,
} from './schemas.js';
import { submitApplication } from './submit-application.js';
import { stores } from './tables.js';

const documentParams = merchantIdParams.extend({ documentId: z.string().max(64) });

/** The bank console's merchant routes: list, file, review, approve, hold, reveal, export. */
export function staffMerchantRoutes(deps: MerchantDeps): FastifyPluginAsyncZod {
  const { db, encryptor } = deps;
  const tags = ['merchants'];
  return async (app) => {
    app.get(
      '/api/v1/merchants',
      {
        config: { access: { permission: 'merchant:read' } },
        schema: {
          tags,
          summary: 'Merchants and applications of the caller’s branch subtree, filtered',
          querystring: merchantListQuerySchema,
          response: { 200: pageSchema(merchantSchema) },
        },
      },
      async (request) => {
        const page = await listMerchants(db, principalOf(request), request.query);
        return { data: await toMerchantViews(db, encryptor, page.data), hasMore: page.hasMore };
      },
    );

    app.get(
      '/api/v1/merchants/export.xlsx',
      {
        config: { access: { permission: 'merchant:export' } },
        schema: {
          tags,
          summary: 'The filtered merchant list as an Excel workbook (personal data masked)',
          querystring: merchantFilterSchema,
        },
      },
      async (request, reply) => {
        const language = preferredLanguage(request.headers['accept-language']);
        const workbook = await exportMerchants(deps, callerOf(request), {
          filter: request.query,
          language,
        });
        return reply
          .header(
            'Content-Type',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('Content-Disposition', 'attachment; filename="merchants.xlsx"')
          .send(workbook);
      },
    );

    app.post(
      '/api/v1/merchants',
      {
        config: { access: { permission: 'merchant:write' } },
        schema: {
          tags,
          summary: 'File an application for a merchant (a draft in the caller’s scope)',
          body: staffApplicationFieldsSchema.required({ kind: true }),
          response: { 201: merchantSchema },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const { orgNodeId, ...fields } = request.body;
        return idempotent(deps, request, reply, 201, async (tx) => {
          const { merchant } = await createApplication(
            { ...deps, db: tx },
            { fields, actor: caller.actor, staff: { principal: caller.principal, orgNodeId } },
          );
          return toMerchantView(tx, encryptor, merchant);
        });
      },
    );

    app.get(
      '/api/v1/merchants/:id',
      {
        config: { access: { permission: 'merchant:read' } },
        schema: {
          tags,
          summary: 'One merchant or application',
          params: merchantIdParams,
          response: { 200: merchantSchema },
        },
      },
      async (request) =>
        toMerchantView(
          db,
          encryptor,
          await merchantForCaller(db, principalOf(request), request.params.id),
        ),
    );

    app.patch(
      '/api/v1/merchants/:id',
      {
        config: { access: { permission: 'merchant:write' } },
        schema: {
          tags,
          summary: 'Change an application being edited, or move a merchant to another branch',
          params: merchantIdParams,
          body: staffApplicationFieldsSchema,
          response: { 200: merchantSchema },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const { orgNodeId, ...fields } = request.body;
        const merchant = await updateApplication(deps, {
          load: lockedFor(caller.principal, request.params.id),
          fields,
          actor: caller.actor,
          staff: { principal: caller.principal, orgNodeId },
        });
        return toMerchantView(db, encryptor, merchant);
      },
    );

    app.get(
      '/api/v1/merchants/:id/documents',
      {
        config: { access: { permission: 'merchant:read' } },
        schema: {
          tags,
          summary: 'The merchant’s documents',
          params: merchantIdParams,
          response: { 200: z.object({ data: z.array(documentSchema) }) },
        },
      },
      async (request) => {
        const merchant = await merchantForCaller(db, principalOf(request), request.params.id);
        return { data: (await listDocuments(db, merchant.id)).map(toDocumentView) };
      },
    );

    app.post(
      '/api/v1/merchants/:id/documents',
      {
        config: { access: { permission: 'merchant:write' } },
        schema: {
          tags,
          summary: 'Upload a document for an application being edited (multipart)',
          params: merchantIdParams,
          response: { 201: documentSchema },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const document = await addDocument(deps, {
          load: lockedFor(caller.principal, request.params.id),
          upload: await readUpload(request),
          actor: caller.actor,
        });
        return reply.code(201).send(toDocumentView(document));
      },
    );

    app.get(
      '/api/v1/merchants/:id/documents/:documentId',
      {
        config: { access: { permission: 'merchant:read' } },
        schema: { tags, summary: 'Download a merchant document', params: documentParams },
      },
      async (request, reply) => {
        const merchant = await merchantForCaller(db, principalOf(request), request.params.id);
        const { document, bytes } = await readDocument(
          deps,
          merchant.id,
          request.params.documentId,
        );
        return sendDocument(reply, document, bytes);
      },
    );

    app.delete(
      '/api/v1/merchants/:id/documents/:documentId',
      {
        config: { access: { permission: 'merchant:write' } },
        schema: {
          tags,
          summary: 'Remove a document from an application being edited',
          params: documentParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        await removeDocument(deps, {
          load: lockedFor(caller.principal, request.params.id),
          documentId: request.params.documentId,
          actor: caller.actor,
        });
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/v1/merchants/:id/submit',
      {
        config: { access: { permission: 'merchant:write' } },
        schema: {
          tags,
          summary: 'Submit an application filed by staff',
          params: merchantIdParams,
          response: { 200: merchantSchema },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const merchant = await submitApplication(deps, {
          load: lockedFor(caller.principal, request.params.id),
          actor: caller.actor,
        });
        return toMerchantView(db, encryptor, merchant);
      },
    );

    app.post(
      '/api/v1/merchants/:id/start-review',
      {
        config: { access: { permission: 'merchant:review' } },
        schema: {
          tags,
          summary: 'Take a submitted application from the queue; the caller becomes its reviewer',
          params: merchantIdParams,
          response: { 200: merchantSchema },
        },
      },
      async (request) =>
        toMerchantView(
          db,
          encryptor,
          await startReview(deps, callerOf(request), request.params.id),
        ),
    );

    app.post(
      '/api/v1/merchants/:id/review',
      {
        config: { access: { permission: 'merchant:review' } },
        schema: {
          tags,
          summary: 'The reviewer’s conclusion: recommend approval, ask for changes, or reject',
          params: merchantIdParams,
          body: reviewDecisionSchema,
          response: { 200: merchantSchema },
        },
      },
      async (request) =>
        toMerchantView(
          db,
          encryptor,
          await decideReview(deps, callerOf(request), request.params.id, request.body),
        ),
    );

    app.post(
      '/api/v1/merchants/:id/approve',
      {
        config: { access: { permission: 'merchant:approve' } },
        schema: {
          tags,
          summary: 'Approve a recommended application (maker-checker: not its reviewer)',
          params: merchantIdParams,
          response: { 200: merchantSchema },
        },
      },
      async (request) =>
        toMerchantView(
          db,
          encryptor,
          await approveMerchant(deps, callerOf(request), request.params.id),
        ),
    );

    for (const action of ['suspend', 'reinstate', 'close'] as const satisfies StatusAction[]) {
      app.post(
        `/api/v1/merchants/:id/${action}`,
        {
          config: { access: { permission: 'merchant:suspend' } },
          schema: {
            tags,
            summary: `${action[0]?.toUpperCase()}${action.slice(1)} a merchant, with a reason`,
            params: merchantIdParams,
            body: reasonSchema,
            response: { 200: merchantSchema },
          },
        },
        async (request) =>
          toMerchantView(
            db,
            encryptor,
            await changeMerchantStatus(deps, callerOf(request), {
              merchantId: request.params.id,
              action,
              reason: request.body.reason,
            }),
          ),
      );
    }

    app.post(
      '/api/v1/merchants/:id/owner-setup-code',
      {
        config: { access: { permission: 'merchant:write' } },
        schema: {
          tags,
          summary: 'A one-time code for the owner to set the login password (shown once)',
          params: merchantIdParams,
          response: { 200: z.object({ setupCode: z.string(), expiresAt: z.iso.datetime() }) },
        },
      },
      async (request) => {
        const issued = await issueOwnerSetupCode(deps, callerOf(request), request.params.id);
        return { setupCode: issued.setupCode, expiresAt: issued.expiresAt.toISOString() };
      },
    );

    app.post(
      '/api/v1/merchants/:id/reveal',
      {
        config: { access: { permission: 'pii:reveal' } },
        schema: {
          tags,
          summary: 'Reveal one masked personal field, with a reason (audited)',
          params: merchantIdParams,
          body: z.strictObject({
            field: z.enum(revealableFields),
            reason: z.string().trim().min(4).max(500),
          }),
          response: {
            200: z.object({ field: z.enum(revealableFields), value: z.string().nullable() }),
          },
        },
      },
      async (request) => ({
        field: request.body.field,
        value: await revealPersonalField(deps, callerOf(request), {
          merchantId: request.params.id,
          ...request.body,
        }),
      }),
    );

    app.get(
      '/api/v1/merchants/:id/history',
      {
        config: { access: { permission: 'merchant:read' } },
        schema: {
          tags,
          summary: 'Everything that happened to the merchant, from the audit log',
          params: merchantIdParams,
          querystring: pageQuerySchema,
          response: { 200: pageSchema(auditEventSchema) },
        },
      },
      async (request) => {
        const merchant = await merchantForCaller(db, principalOf(request), request.params.id);
        return auditTrailOf(db, await historyTargets(db, merchant.id), request.query);
      },
    );
  };
}

/** Loads and row-locks, inside the use case's transaction, a merchant the caller may see. */
function lockedFor(principal: Principal, id: string) {
  return (tx: MerchantDeps['db']) => merchantForCaller(tx, principal, id, { forUpdate: true });
}

/** A merchant's history is its own events and those of its stores and users. */
async function historyTargets(db: MerchantDeps['db'], merchantId: string): Promise<string[]> {
  const storeRows = await db
    .select({ id: stores.id })
    .from(stores)
    .where(eq(stores.merchantId, merchantId));
  return [
    merchantId,
    ...storeRows.map((row) => row.id),
    ...(await merchantUserIds(db, merchantId)),
  ];
}
