import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { principalOf } from '../../platform/http/route-access.js';
import { pageQuerySchema } from '../../platform/pagination.js';
import { accountStatement, accountStatementSchema } from './account-statement.js';
import { trialBalance, unbalancedJournals } from './trial-balance.js';

const trialBalanceSchema = z.object({
  accounts: z.array(
    z.object({
      code: z.string(),
      kind: z.string(),
      type: z.string(),
      debitFen: z.number().int(),
      creditFen: z.number().int(),
      balanceFen: z.number().int(),
    }),
  ),
  totalDebitFen: z.number().int(),
  totalCreditFen: z.number().int(),
  balanced: z.boolean(),
  runningBalanceMismatches: z.array(z.string()),
  unbalancedJournals: z.array(z.string()),
});

/**
 * The ledger for head-office finance and auditors. The trial balance is bank-wide; it is an
 * operator's check of the invariants (DESIGN.md §5), so it needs `ledger:read`, which only
 * head-office roles hold.
 */
export function ledgerRoutes(deps: {
  db: Db;
  /** The merchants module's scope, for the statements of merchant-owned accounts. */
  merchantVisible: (db: Db, principal: Principal, merchantId: string) => Promise<boolean>;
}): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/api/v1/ledger/trial-balance',
      {
        config: { access: { permission: 'ledger:read' } },
        schema: {
          tags: ['ledger'],
          summary: 'Every account’s debits and credits; the books balance when they are equal',
          response: { 200: trialBalanceSchema },
        },
      },
      async () => ({
        ...(await trialBalance(db)),
        unbalancedJournals: await unbalancedJournals(db),
      }),
    );
    app.get(
      '/api/v1/ledger/accounts/:code/entries',
      {
        config: { access: { permission: 'ledger:read' } },
        schema: {
          tags: ['ledger'],
          summary: 'An account statement: its entries, newest first, and its balance',
          params: z.object({ code: z.string().min(1).max(120) }),
          querystring: pageQuerySchema,
          response: { 200: accountStatementSchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return accountStatement(db, request.params.code, request.query, async (account) =>
          account.merchantId === null
            ? true
            : deps.merchantVisible(db, principal, account.merchantId),
        );
      },
    );
  };
}
