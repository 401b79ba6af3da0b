import { sql } from 'drizzle-orm';
import { type Db, jsonRows, queryRows } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import type { StatementImportRow } from './tables.js';

/** Breaks written per statement: a file that is wrong throughout still goes in bounded steps. */
const pageRows = 5_000;

/**
 * Copies what classification found (`recon_found`, numbered 1..n) into the import's breaks.
 * Ids are made here, as everywhere (DESIGN.md §4), and sent as a list of numbers and ids that
 * the insert joins on: the break rows themselves never travel to this process and back.
 */
export async function writeBreaks(
  tx: Db,
  statementImport: Pick<StatementImportRow, 'id' | 'channel' | 'statementDate'>,
  now: Date,
): Promise<void> {
  const [range] = await queryRows<{ last: string | null }>(
    tx,
    sql`select max(n) as last from recon_found`,
  );
  const last = Number(range?.last ?? 0);
  for (let from = 1; from <= last; from += pageRows) {
    const ids = [];
    for (let n = from; n < from + pageRows && n <= last; n++) {
      ids.push({ n, id: newId('reconBreak', now.getTime()) });
    }
    await tx.execute(sql`insert into recon_breaks (id, import_id, channel, statement_date, kind,
        subject, payment_id, refund_id, line_number, channel_transaction_id, channel_refund_id,
        their_amount_fen, their_status, our_amount_fen, our_status, our_booked_at, status,
        created_at, updated_at)
      select i.id, ${statementImport.id}, ${statementImport.channel}, ${statementImport.statementDate}::date,
        f.kind, f.subject, f.payment_id, f.refund_id, f.line_number, f.channel_transaction_id,
        f.channel_refund_id, f.their_amount_fen, f.their_status, f.our_amount_fen, f.our_status,
        f.our_booked_at, 'open', ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      from json_to_recordset(${jsonRows(ids)}) as i(n bigint, id text)
      join recon_found f on f.n = i.n
      order by i.n`);
  }
}
