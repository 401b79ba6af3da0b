import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors/app-error.js';
import { callerOf } from '../../platform/http/route-access.js';
import type { ReconDeps } from './deps.js';
import { fetchStatement } from './fetch-statement.js';
import type { ImportOutcome } from './import-statement.js';
import { importStatementFile } from './import-statement-file.js';
import {
  breakListQuerySchema,
  breakPageSchema,
  fetchBodySchema,
  idParamsSchema,
  importListQuerySchema,
  importPageSchema,
  importQuerySchema,
  reconBreakSchema,
  rejectBodySchema,
  resolveBodySchema,
  statementImportDetailSchema,
} from './schemas.js';
import { toBreakView, toImportView } from './views.js';
import { approveBreak, rejectBreak, resolveBreak } from './work-break.js';
import { breakById, importDetail, listBreaks, listImports } from './workbench-queries.js';

/** The largest statement upload: a day of a busy channel is a few hundred megabytes. */
const uploadLimitBytes = 200 * 1024 * 1024;

/**
 * The reconciliation workbench for bank staff: statements in (uploaded or fetched from the
 * channel), their results, and the breaks worked maker-checker.
 */
export function reconciliationRoutes(deps: ReconDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const detailOf = async (importId: string) => {
    const { row, breaksByKind, breaksByStatus } = await importDetail(db, importId);
    return { ...toImportView(row), breaksByKind, breaksByStatus };
  };
  const answer = async (outcome: ImportOutcome, reply: { code(status: number): unknown }) => {
    reply.code(outcome.created ? 201 : 200);
    return detailOf(outcome.statementImport.id);
  };
  return async (app) => {
    // The file goes to the reader as it arrives (spooled to disk on the way), never whole in
    // memory: this parser hands the route the raw request stream. It is registered in this
    // plugin only, so no other route accepts octet-stream bodies.
    app.addContentTypeParser('application/octet-stream', (_request, payload, done) =>
      done(null, payload),
    );

    app.post(
      '/api/v1/reconciliation/imports',
      {
        config: { access: { permission: 'recon:write' } },
        bodyLimit: uploadLimitBytes,
        schema: {
          tags: ['reconciliation'],
          summary: 'Import a channel statement file (the raw file as application/octet-stream)',
          description:
            'The same file again answers 200 with the first import and changes nothing; another file for the same channel and date replaces the result while none of its breaks was worked on (else `statement_import_locked`). Up to 200 MB.',
          querystring: importQuerySchema,
          response: { 200: statementImportDetailSchema, 201: statementImportDetailSchema },
        },
      },
      async (request, reply) => {
        if (!(request.body instanceof Readable)) throw new AppError('unsupported_media_type');
        const { principal, actor } = callerOf(request);
        const outcome = await importStatementFile(
          { ...deps, maxBytes: uploadLimitBytes },
          {
            channel: request.query.channel,
            statementDate: request.query.date,
            body: request.body,
            source: 'upload',
            importedByUserId: principal.userId,
            actor,
          },
        );
        return answer(outcome, reply);
      },
    );

    app.post(
      '/api/v1/reconciliation/imports/fetch',
      {
        config: { access: { permission: 'recon:write' } },
        schema: {
          tags: ['reconciliation'],
          summary: 'Download a channel’s statement of a day and import it',
          body: fetchBodySchema,
          response: { 200: statementImportDetailSchema, 201: statementImportDetailSchema },
        },
      },
      async (request, reply) => {
        const { principal, actor } = callerOf(request);
        const outcome = await fetchStatement(deps, {
          channel: request.body.channel,
          statementDate: request.body.date,
          importedByUserId: principal.userId,
          actor,
        });
        return answer(outcome, reply);
      },
    );

    app.get(
      '/api/v1/reconciliation/imports',
      {
        config: { access: { permission: 'recon:read' } },
        schema: {
          tags: ['reconciliation'],
          summary: 'Statement imports, newest first',
          querystring: importListQuerySchema,
          response: { 200: importPageSchema },
        },
      },
      async (request) => {
        const page = await listImports(db, request.query);
        return { data: page.data.map(toImportView), hasMore: page.hasMore };
      },
    );

    app.get(
      '/api/v1/reconciliation/imports/:id',
      {
        config: { access: { permission: 'recon:read' } },
        schema: {
          tags: ['reconciliation'],
          summary: 'One import: its totals, theirs and ours, and its breaks by kind and status',
          params: idParamsSchema,
          response: { 200: statementImportDetailSchema },
        },
      },
      async (request) => detailOf(request.params.id),
    );

    app.get(
      '/api/v1/reconciliation/breaks',
      {
        config: { access: { permission: 'recon:read' } },
        schema: {
          tags: ['reconciliation'],
          summary: 'Breaks, newest first, by import, kind and status',
          querystring: breakListQuerySchema,
          response: { 200: breakPageSchema },
        },
      },
      async (request) => {
        const page = await listBreaks(db, request.query);
        return { data: page.data.map(toBreakView), hasMore: page.hasMore };
      },
    );

    app.get(
      '/api/v1/reconciliation/breaks/:id',
      {
        config: { access: { permission: 'recon:read' } },
        schema: {
          tags: ['reconciliation'],
          summary: 'One break',
          params: idParamsSchema,
          response: { 200: reconBreakSchema },
        },
      },
      async (request) => toBreakView(await breakById(db, request.params.id)),
    );

    app.post(
      '/api/v1/reconciliation/breaks/:id/resolve',
      {
        config: { access: { permission: 'recon:write' } },
        schema: {
          tags: ['reconciliation'],
          summary:
            'Decide a break (maker): `timing` and `escalate` at once; `accept_channel` proposes an adjusting journal for a checker',
          params: idParamsSchema,
          body: resolveBodySchema,
          response: { 200: reconBreakSchema },
        },
      },
      async (request) =>
        toBreakView(await resolveBreak(deps, callerOf(request), request.params.id, request.body)),
    );

    app.post(
      '/api/v1/reconciliation/breaks/:id/approve',
      {
        config: { access: { permission: 'recon:approve' } },
        schema: {
          tags: ['reconciliation'],
          summary:
            'Approve a proposed adjustment (checker, not the proposer): posts its journal and resolves the break',
          params: idParamsSchema,
          response: { 200: reconBreakSchema },
        },
      },
      async (request) =>
        toBreakView(await approveBreak(deps, callerOf(request), request.params.id)),
    );

    app.post(
      '/api/v1/reconciliation/breaks/:id/reject',
      {
        config: { access: { permission: 'recon:approve' } },
        schema: {
          tags: ['reconciliation'],
          summary: 'Send a proposed adjustment back (checker): the break is open again',
          params: idParamsSchema,
          body: rejectBodySchema,
          response: { 200: reconBreakSchema },
        },
      },
      async (request) =>
        toBreakView(await rejectBreak(deps, callerOf(request), request.params.id, request.body)),
    );
  };
}
