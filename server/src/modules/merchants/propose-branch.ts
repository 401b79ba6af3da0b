import { asc } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { orgNodes } from '../orgs/index.js';

/**
 * The branch a new merchant is proposed to: one serving its county, else one in its city,
 * else the head office. Among equals the shallower node wins, because a branch rather than
 * one of its sub-branches owns the review queue, and then the older one, because a branch
 * opened later in the same county does not take over its neighbour's new applicants. Staff may
 * move the merchant afterwards.
 */
export async function proposeBranch(db: Db, regionCode: string | undefined): Promise<string> {
  const nodes = await db
    .select({ id: orgNodes.id, regionCode: orgNodes.regionCode, depth: orgNodes.depth })
    .from(orgNodes)
    .orderBy(asc(orgNodes.depth), asc(orgNodes.createdAt), asc(orgNodes.code));
  const root = nodes[0];
  if (!root) throw new Error('The organisation has no head office');
  if (!regionCode) return root.id;
  const branches = nodes.filter((node) => node.depth > 0);
  const sameCounty = branches.find((node) => node.regionCode === regionCode);
  const sameCity = branches.find((node) => node.regionCode.slice(0, 4) === regionCode.slice(0, 4));
  return (sameCounty ?? sameCity ?? root).id;
}
