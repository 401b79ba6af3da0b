import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { genesisHash, linkHash } from './record-audit.js';
import { auditEvents } from './tables.js';

export type ChainVerification = { ok: boolean; checked: number; firstBrokenId?: string };

const batchSize = 1_000;

/**
 * Walks the whole chain in order, in batches, recomputing each link. The first row whose hash
 * does not match its content, or whose predecessor is not the row before it, is reported.
 */
export async function verifyAuditChain(db: Db): Promise<ChainVerification> {
  let previousHash = genesisHash;
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, afterSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    for (const row of rows) {
      if (row.prevHash !== previousHash || linkHash(row) !== row.hash) {
        return { ok: false, checked, firstBrokenId: row.id };
      }
      previousHash = row.hash;
      checked += 1;
    }
    if (rows.length < batchSize) return { ok: true, checked };
    afterSeq = rows[rows.length - 1]?.seq ?? afterSeq;
  }
}
