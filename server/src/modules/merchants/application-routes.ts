import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/principal.js';
import { hasChosenPassword } from '../identity/index.js';
import { applicantTokenHeader, applicationForApplicant } from './applicant-access.js';
import { requiredDocuments } from './application-checks.js';
import type { MerchantDeps } from './deps.js';
import { feePlans } from './fee-plans.js';
import { mccCodes } from './mcc-codes.js';
import {
  addDocument,
  listDocuments,
  readDocument,
  readUpload,
  removeDocument,
  sendDocument,
  toDocumentView,
} from './merchant-documents.js';
import { toMerchantView } from './merchant-view.js';
import { setOwnerPasswordAsApplicant } from './owner-setup.js';
import { createApplication, updateApplication } from './save-application.js';
import { applicationFieldsSchema, documentSchema, merchantSchema } from './schemas.js';
import { settlementBanks } from './settlement-banks.js';
import { submitApplication } from './submit-application.js';
import { documentTypes, merchantKinds, riskLevels } from './tables.js';

const kindLabels = {
  individual_business: { zh: '个体工商户', en: 'Individual business' },
  company: { zh: '企业', en: 'Company' },
  micro: { zh: '小微商户（无营业执照）', en: 'Micro merchant (no licence)' },
  market_operator: { zh: '市场运营方', en: 'Market operator' },
  produce_purchaser: { zh: '农产品收购商', en: 'Produce purchaser' },
} as const;

const idParams = z.object({ id: z.string().max(64) });
const documentParams = idParams.extend({ documentId: z.string().max(64) });
const tokenHeaders = z.object({ [applicantTokenHeader]: z.string().max(100).optional() });
const applicationReply = z.object({ application: merchantSchema });
const publicAccess = { access: { permission: 'public' } } as const;

/**
 * The applicant's side: the H5 form, without a login. The token returned when the draft is
 * created is the applicant's key to it (header X-Applicant-Token).
 */
export function applicationRoutes(deps: MerchantDeps): FastifyPluginAsyncZod {
  const { db, encryptor } = deps;
  const byToken = (id: string, token: string | undefined) => (tx: typeof db) =>
    applicationForApplicant(tx, id, token, { forUpdate: true });
  const tags = ['applications'];
  return async (app) => {
    app.get(
      '/api/v1/application-options',
      {
        config: publicAccess,
        schema: {
          tags,
          summary: 'The choices of the application form: kinds, MCCs, banks, documents',
          response: {
            200: z.object({
              kinds: z.array(
                z.object({ code: z.enum(merchantKinds), zh: z.string(), en: z.string() }),
              ),
              mccs: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
              banks: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
              documentTypes: z.array(z.enum(documentTypes)),
              requiredDocuments: z.record(z.string(), z.array(z.enum(documentTypes))),
              feePlans: z.array(z.string()),
              riskLevels: z.array(z.enum(riskLevels)),
            }),
          },
        },
      },
      async () => ({
        kinds: merchantKinds.map((code) => ({ code, ...kindLabels[code] })),
        mccs: [...mccCodes],
        banks: [...settlementBanks],
        documentTypes: [...documentTypes],
        requiredDocuments: Object.fromEntries(
          merchantKinds.map((kind) => [kind, requiredDocuments(kind)]),
        ),
        feePlans: [...feePlans],
        riskLevels: [...riskLevels],
      }),
    );

    app.post(
      '/api/v1/applications',
      {
        config: { ...publicAccess, rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Start an application (H5, no login); returns the applicant token once',
          body: applicationFieldsSchema.required({ kind: true }),
          response: {
            201: applicationReply.extend({ applicantToken: z.string() }),
          },
        },
      },
      async (request, reply) => {
        const { merchant, applicantToken } = await createApplication(deps, {
          fields: request.body,
          actor: actorOf(null, request),
        });
        return reply.code(201).send({
          application: await toMerchantView(db, encryptor, merchant),
          applicantToken: applicantToken ?? '',
        });
      },
    );

    app.get(
      '/api/v1/applications/:id',
      {
        config: publicAccess,
        schema: {
          tags,
          summary: 'The application, its documents and whether the owner has set a password',
          params: idParams,
          headers: tokenHeaders,
          response: {
            200: applicationReply.extend({
              documents: z.array(documentSchema),
              ownerSetUp: z.boolean(),
            }),
          },
        },
      },
      async (request) => {
        const merchant = await applicationForApplicant(
          db,
          request.params.id,
          request.headers[applicantTokenHeader],
        );
        return {
          application: await toMerchantView(db, encryptor, merchant),
          documents: (await listDocuments(db, merchant.id)).map(toDocumentView),
          ownerSetUp: merchant.ownerUserId
            ? await hasChosenPassword(db, merchant.ownerUserId)
            : false,
        };
      },
    );

    app.patch(
      '/api/v1/applications/:id',
      {
        config: publicAccess,
        schema: {
          tags,
          summary: 'Change a draft, or an application sent back for changes',
          params: idParams,
          headers: tokenHeaders,
          body: applicationFieldsSchema,
          response: { 200: applicationReply },
        },
      },
      async (request) => {
        const merchant = await updateApplication(deps, {
          load: byToken(request.params.id, request.headers[applicantTokenHeader]),
          fields: request.body,
          actor: actorOf(null, request),
        });
        return { application: await toMerchantView(db, encryptor, merchant) };
      },
    );

    app.post(
      '/api/v1/applications/:id/documents',
      {
        config: publicAccess,
        schema: {
          tags,
          summary: 'Upload a document (multipart: `type`, then `file`; JPG/PNG/WebP/PDF ≤ 10 MB)',
          params: idParams,
          headers: tokenHeaders,
          response: { 201: documentSchema },
        },
      },
      async (request, reply) => {
        const document = await addDocument(deps, {
          load: byToken(request.params.id, request.headers[applicantTokenHeader]),
          upload: await readUpload(request),
          actor: actorOf(null, request),
        });
        return reply.code(201).send(toDocumentView(document));
      },
    );

    app.get(
      '/api/v1/applications/:id/documents/:documentId',
      {
        config: publicAccess,
        schema: {
          tags,
          summary: 'Download one of the application’s documents',
          params: documentParams,
          headers: tokenHeaders,
        },
      },
      async (request, reply) => {
        const merchant = await applicationForApplicant(
          db,
          request.params.id,
          request.headers[applicantTokenHeader],
        );
        const { document, bytes } = await readDocument(
          deps,
          merchant.id,
          request.params.documentId,
        );
        return sendDocument(reply, document, bytes);
      },
    );

    app.delete(
      '/api/v1/applications/:id/documents/:documentId',
      {
        config: publicAccess,
        schema: {
          tags,
          summary: 'Remove a document from the application',
          params: documentParams,
          headers: tokenHeaders,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeDocument(deps, {
          load: byToken(request.params.id, request.headers[applicantTokenHeader]),
          documentId: request.params.documentId,
          actor: actorOf(null, request),
        });
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/v1/applications/:id/submit',
      {
        config: publicAccess,
        schema: {
          tags,
          summary: 'Submit for review; every problem is reported at once, by field',
          params: idParams,
          headers: tokenHeaders,
          response: { 200: applicationReply },
        },
      },
      async (request) => {
        const merchant = await submitApplication(deps, {
          load: byToken(request.params.id, request.headers[applicantTokenHeader]),
          actor: actorOf(null, request),
        });
        return { application: await toMerchantView(db, encryptor, merchant) };
      },
    );

    app.post(
      '/api/v1/applications/:id/owner-password',
      {
        config: { ...publicAccess, rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Once approved, the applicant sets the owner’s first login password',
          params: idParams,
          headers: tokenHeaders,
          body: z.strictObject({ password: z.string().min(1).max(200) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await setOwnerPasswordAsApplicant(deps, {
          merchantId: request.params.id,
          token: request.headers[applicantTokenHeader],
          password: request.body.password,
          actor: actorOf(null, request),
        });
        return reply.code(204).send(null);
      },
    );
  };
}
