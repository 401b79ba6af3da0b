import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../modules/audit/index.js';
import { userRoles, users } from '../modules/identity/index.js';
import { orgNodes } from '../modules/orgs/index.js';
import type { Clock } from '../platform/clock.js';
import type { Encryptor } from '../platform/crypto/encryption.js';
import { hashPassword } from '../platform/crypto/passwords.js';
import type { Db } from '../platform/db/database.js';
import { systemMeta } from '../platform/db/tables.js';
import { newId } from '../platform/ids.js';
import { seedDemoFarmers } from './demo-farmers.js';
import { seedDemoMerchants } from './demo-merchants.js';
import { isDemoPaymentsSeeded, seedDemoPayments } from './demo-payments.js';

/** The demo password of every demo login; printed at start. Never used outside the demo. */
export const demoPassword = 'Sharefin#2026';

type DemoNode = { code: string; name: string; regionCode: string; parent: string | null };

/** A Qingdao head office with branches and sub-branches across the city's districts. */
const demoNodes: DemoNode[] = [
  { code: 'QD000', name: '青岛总行', regionCode: '370202', parent: null },
  { code: 'QD010', name: '市南支行', regionCode: '370202', parent: 'QD000' },
  { code: 'QD011', name: '香港中路分理处', regionCode: '370202', parent: 'QD010' },
  { code: 'QD012', name: '八大关分理处', regionCode: '370202', parent: 'QD010' },
  { code: 'QD020', name: '崂山支行', regionCode: '370212', parent: 'QD000' },
  { code: 'QD021', name: '沙子口分理处', regionCode: '370212', parent: 'QD020' },
  { code: 'QD030', name: '黄岛支行', regionCode: '370211', parent: 'QD000' },
  { code: 'QD031', name: '长江路分理处', regionCode: '370211', parent: 'QD030' },
  { code: 'QD040', name: '即墨支行', regionCode: '370215', parent: 'QD000' },
  { code: 'QD041', name: '蓝村分理处', regionCode: '370215', parent: 'QD040' },
  { code: 'QD050', name: '平度支行', regionCode: '370283', parent: 'QD000' },
];

type DemoStaff = { username: string; displayName: string; node: string; roles: string[] };

export const demoStaff: DemoStaff[] = [
  { username: 'admin', displayName: '系统管理员', node: 'QD000', roles: ['admin'] },
  { username: 'hq.auditor', displayName: '审计 王敏', node: 'QD000', roles: ['auditor'] },
  { username: 'hq.risk', displayName: '风控 李强', node: 'QD000', roles: ['risk'] },
  { username: 'hq.marketing', displayName: '营销 赵丽', node: 'QD000', roles: ['marketing'] },
  {
    username: 'shinan.manager',
    displayName: '市南支行行长 张伟',
    node: 'QD010',
    roles: ['branch_manager'],
  },
  { username: 'shinan.operator', displayName: '市南柜员 刘洋', node: 'QD010', roles: ['operator'] },
  {
    username: 'laoshan.manager',
    displayName: '崂山支行行长 陈静',
    node: 'QD020',
    roles: ['branch_manager'],
  },
  { username: 'jimo.operator', displayName: '即墨柜员 孙浩', node: 'QD041', roles: ['operator'] },
];

const seedVersionKey = 'demo_seed_version';
// 1: the organisation and its staff; 2: the demo merchants, stores, markets and buyers.
const seedVersion = 2;

/** The bank at the current version, and the payment history (its own marker) too. */
export async function isDemoSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select().from(systemMeta).where(eq(systemMeta.key, seedVersionKey));
  return Number(row?.value ?? 0) >= seedVersion && (await isDemoPaymentsSeeded(db));
}

/**
 * Seeds the demo bank. Idempotent: nodes are matched by code, users by username and merchants
 * by mobile and name, so running it again changes nothing, and a bank seeded at an earlier
 * version gets only what the later versions add. The encryptor is the app's: merchant personal
 * data is stored encrypted.
 *
 * Then, in a transaction of its own, the merchants' 30 days of payments (demo-payments.ts), once
 * per database, and the field purchases of the demo produce purchaser (demo-farmers.ts);
 * `payments: false` leaves both out (the test template, whose files expect no payments or
 * payouts they did not make).
 */
export async function seedDemoBank(
  db: Db,
  clock: Clock,
  encryptor: Encryptor,
  options: { payments?: boolean } = {},
): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    const now = clock.now();
    const [stored] = await tx.select().from(systemMeta).where(eq(systemMeta.key, seedVersionKey));
    let createdCount = 0;
    const nodeByCode = new Map<string, { id: string; path: string; depth: number }>();
    for (const node of demoNodes) {
      const [existing] = await tx.select().from(orgNodes).where(eq(orgNodes.code, node.code));
      if (existing) {
        nodeByCode.set(node.code, existing);
        continue;
      }
      const parent = node.parent ? nodeByCode.get(node.parent) : undefined;
      const id = newId('orgNode', now.getTime());
      const created = {
        id,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
      };
      await tx.insert(orgNodes).values({
        ...created,
        parentId: parent?.id ?? null,
        code: node.code,
        name: node.name,
        kind: !parent ? 'head_office' : parent.depth === 0 ? 'branch' : 'sub_branch',
        regionCode: node.regionCode,
        createdAt: now,
        updatedAt: now,
      });
      nodeByCode.set(node.code, created);
      createdCount += 1;
    }
    for (const person of demoStaff) {
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`${users.realm} = 'staff' and lower(${users.username}) = ${person.username}`);
      if (existing) continue;
      const id = newId('user', now.getTime());
      await tx.insert(users).values({
        id,
        realm: 'staff',
        username: person.username,
        displayName: person.displayName,
        orgNodeId: nodeByCode.get(person.node)?.id ?? null,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(userRoles).values(person.roles.map((role) => ({ userId: id, role })));
      createdCount += 1;
    }
    const merchantCount = await seedDemoMerchants(tx, { clock, encryptor });
    createdCount += merchantCount;
    // Nothing new and nothing to upgrade: leave the bank, its version and the audit trail as
    // they are.
    if (createdCount === 0 && Number(stored?.value ?? 0) >= seedVersion) return;
    await tx
      .insert(systemMeta)
      .values({ key: seedVersionKey, value: seedVersion, updatedAt: now })
      .onConflictDoUpdate({ target: systemMeta.key, set: { value: seedVersion, updatedAt: now } });
    await recordAudit(
      tx,
      clock,
      { userId: null, username: 'system', roles: [], orgNodeId: null, ip: null, requestId: null },
      {
        action: 'system.demo_seeded',
        targetType: 'system',
        targetId: null,
        scopePath: nodeByCode.get('QD000')?.path ?? null,
        after: { seedVersion, merchants: merchantCount },
      },
    );
  });
  if (options.payments !== false) {
    await seedDemoPayments(db, clock);
    await seedDemoFarmers(db, clock, encryptor);
  }
}
