import { and, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { type PageQuery, toPage } from '../../platform/pagination.js';
import {
  type BreakKind,
  type BreakStatus,
  breakKinds,
  breakStatuses,
  reconBreaks,
  type StatementChannel,
  statementImports,
} from './tables.js';

/**
 * What the break workbench reads. Reconciliation is the bank's own control over the channels,
 * not a merchant's business, so these are bank-wide for whoever holds recon:read.
 */
export async function listImports(
  db: Db,
  query: PageQuery & { channel?: StatementChannel; date?: string },
) {
  const filters: SQL[] = [];
  if (query.channel) filters.push(eq(statementImports.channel, query.channel));
  if (query.date) filters.push(eq(statementImports.statementDate, query.date));
  if (query.startingAfter) filters.push(lt(statementImports.id, query.startingAfter));
  const rows = await db
    .select()
    .from(statementImports)
    .where(and(...filters))
    .orderBy(desc(statementImports.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit);
}

/** One import with its breaks counted by kind and by status (every kind and status listed). */
export async function importDetail(db: Db, importId: string) {
  const [row] = await db.select().from(statementImports).where(eq(statementImports.id, importId));
  if (!row) throw new AppError('resource_not_found');
  const counts = await queryRows<{ kind: BreakKind; status: BreakStatus; count: string }>(
    db,
    sql`select kind, status, count(*) as count from recon_breaks
        where import_id = ${importId} group by kind, status`,
  );
  const breaksByKind = Object.fromEntries(breakKinds.map((kind) => [kind, 0])) as Record<
    BreakKind,
    number
  >;
  const breaksByStatus = Object.fromEntries(breakStatuses.map((status) => [status, 0])) as Record<
    BreakStatus,
    number
  >;
  for (const { kind, status, count } of counts) {
    breaksByKind[kind] += Number(count);
    breaksByStatus[status] += Number(count);
  }
  return { row, breaksByKind, breaksByStatus };
}

export async function listBreaks(
  db: Db,
  query: PageQuery & { importId?: string; kind?: BreakKind; status?: BreakStatus },
) {
  const filters: SQL[] = [];
  if (query.importId) filters.push(eq(reconBreaks.importId, query.importId));
  if (query.kind) filters.push(eq(reconBreaks.kind, query.kind));
  if (query.status) filters.push(eq(reconBreaks.status, query.status));
  if (query.startingAfter) filters.push(lt(reconBreaks.id, query.startingAfter));
  const rows = await db
    .select()
    .from(reconBreaks)
    .where(and(...filters))
    .orderBy(desc(reconBreaks.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit);
}

export async function breakById(db: Db, breakId: string) {
  const [row] = await db.select().from(reconBreaks).where(eq(reconBreaks.id, breakId));
  if (!row) throw new AppError('resource_not_found');
  return row;
}
