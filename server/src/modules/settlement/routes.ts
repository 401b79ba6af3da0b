import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { preferredLanguage } from '../../platform/errors/app-error.js';
import { callerOf, principalOf } from '../../platform/http/route-access.js';
import { pageQuerySchema } from '../../platform/pagination.js';
import { recordAudit } from '../audit/index.js';
import { merchantForCaller } from '../merchants/index.js';
import { commissionIncome } from './commission-income.js';
import { statementCsv, statementXlsx } from './daily-statement.js';
import type { SettlementDeps } from './deps.js';
import { runSettlement } from './run-settlement.js';
import {
  commissionIncomeSchema,
  commissionQuerySchema,
  dateParams,
  runDetailSchema,
  setTermsSchema,
  settlementLinePageSchema,
  settlementRunPageSchema,
  settlementRunSchema,
  settlementTermsSchema,
  startRunSchema,
  statementQuerySchema,
} from './schemas.js';
import { setSettlementTerms, termsOf } from './settlement-terms.js';
import { linesFor, listRuns, ownLine, runOfDate, toRunView } from './settlement-views.js';

const tags = ['settlement'];

/** Settlement runs and terms for the console; settlements, statements and commission for the portal. */
export function settlementRoutes(deps: SettlementDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const staffRead = { access: { permission: 'settlement:read' as const } };
  const staffRun = { access: { permission: 'settlement:run' as const } };
  const portal = { access: { permission: 'portal:settlements' as const } };
  return async (app) => {
    app.get(
      '/api/v1/settlement/runs',
      {
        config: staffRead,
        schema: {
          tags,
          summary: 'Settlement runs, newest first',
          querystring: pageQuerySchema,
          response: { 200: settlementRunPageSchema },
        },
      },
      (request) => listRuns(db, request.query),
    );
    app.post(
      '/api/v1/settlement/runs',
      {
        config: staffRun,
        schema: {
          tags,
          summary: 'Start (or resume) the settlement of a date',
          description:
            'Settles every merchant whose trade days for the date have closed. Starting it again resumes the same run: never a second line, journal or payout per merchant and date.',
          body: startRunSchema,
          response: { 200: settlementRunSchema },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const run = await runSettlement(deps, {
          date: request.body.date,
          startedByUserId: caller.actor.userId,
        });
        await db.transaction((tx: Db) =>
          recordAudit(tx, deps.clock, caller.actor, {
            action: 'settlement.run_started',
            targetType: 'settlement_run',
            targetId: run.id,
            scopePath: null,
            after: { settlementDate: run.settlementDate, netFen: run.netFen },
          }),
        );
        return toRunView(run);
      },
    );
    app.get(
      '/api/v1/settlement/runs/:date',
      {
        config: staffRead,
        schema: {
          tags,
          summary: 'A settlement run and its per-merchant lines (of the caller’s scope)',
          params: dateParams,
          querystring: pageQuerySchema,
          response: { 200: runDetailSchema },
        },
      },
      async (request) => {
        const run = await runOfDate(db, request.params.date);
        const lines = await linesFor(
          db,
          principalOf(request),
          { date: run.settlementDate },
          request.query,
        );
        return { ...toRunView(run), lines: lines.data, linesHasMore: lines.hasMore };
      },
    );
    app.get(
      '/api/v1/settlement/runs/:date/payout-file',
      {
        config: staffRun,
        schema: {
          tags,
          summary: 'The run’s payout file for the core bank (docs/payout-file.md); audited',
          params: dateParams,
        },
      },
      async (request, reply) => {
        const run = await runOfDate(db, request.params.date);
        const caller = callerOf(request);
        await db.transaction((tx: Db) =>
          recordAudit(tx, deps.clock, caller.actor, {
            action: 'settlement.payout_file_downloaded',
            targetType: 'settlement_run',
            targetId: run.id,
            scopePath: null,
            after: { settlementDate: run.settlementDate, sha256: run.payoutFileSha256 },
          }),
        );
        const text = run.payoutFile ? deps.encryptor.decrypt(run.payoutFile) : '';
        return reply
          .header('Content-Type', 'text/plain; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="payouts-${run.settlementDate}.txt"`)
          .send(text);
      },
    );
    app.get(
      '/api/v1/merchants/:id/settlement-terms',
      {
        config: staffRead,
        schema: {
          tags,
          summary: 'A merchant’s settlement cycle',
          params: z.object({ id: z.string() }),
          response: { 200: settlementTermsSchema },
        },
      },
      async (request) => {
        await merchantForCaller(db, principalOf(request), request.params.id);
        return termsOf(db, request.params.id);
      },
    );
    app.put(
      '/api/v1/merchants/:id/settlement-terms',
      {
        config: staffRun,
        schema: {
          tags,
          summary: 'Move a merchant to T+1, D+1 or D0 (with a premium); audited',
          params: z.object({ id: z.string() }),
          body: setTermsSchema,
          response: { 200: settlementTermsSchema },
        },
      },
      (request) =>
        db.transaction((tx: Db) =>
          setSettlementTerms(tx, deps, callerOf(request), request.params.id, request.body),
        ),
    );
    app.get(
      '/api/v1/portal/settlements',
      {
        config: portal,
        schema: {
          tags,
          summary: 'The merchant’s settlements, newest first',
          querystring: pageQuerySchema,
          response: { 200: settlementLinePageSchema },
        },
      },
      (request) => linesFor(db, principalOf(request), {}, request.query),
    );
    app.get(
      '/api/v1/portal/settlements/:date/statement',
      {
        config: portal,
        schema: {
          tags,
          summary: 'The daily statement of one settlement, as .xlsx or CSV',
          params: dateParams,
          querystring: statementQuerySchema,
        },
      },
      async (request, reply) => {
        const line = await ownLine(db, principalOf(request), request.params.date);
        const language = preferredLanguage(request.headers['accept-language']);
        const name = `statement-${line.settlementDate}.${request.query.format}`;
        const body =
          request.query.format === 'csv'
            ? await statementCsv(db, line, language)
            : await statementXlsx(db, line, language);
        return reply
          .header(
            'Content-Type',
            request.query.format === 'csv'
              ? 'text/csv; charset=utf-8'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('Content-Disposition', `attachment; filename="${name}"`)
          .send(body);
      },
    );
    app.get(
      '/api/v1/portal/commission-income',
      {
        config: portal,
        schema: {
          tags,
          summary: 'A market operator’s commission income by day',
          querystring: commissionQuerySchema,
          response: { 200: commissionIncomeSchema },
        },
      },
      (request) =>
        commissionIncome(db, principalOf(request).merchantId ?? 'mch_none', request.query),
    );
  };
}
