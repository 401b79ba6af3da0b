import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import { shanghaiDay, shanghaiDayStart } from '../../platform/clock.js';
import { type Db, queryRows } from '../../platform/db/database.js';
import { escapeLike } from '../audit/index.js';
import { paymentVisibleTo } from './payment-scope.js';
import { channels } from './tables.js';

const channelLabels: Record<string, string> = {
  wechat: '微信支付',
  alipay: '支付宝',
  unionpay: '云闪付',
  bankapp: '本行App',
  card: '银行卡',
};

/**
 * Today's succeeded payments (Asia/Shanghai) of what the caller sees: by channel, and for bank
 * staff by the branches directly under their scope node (their own node's merchants count
 * under it), so a head-office user sees each branch and a branch manager each sub-branch.
 */
export async function todayTotals(db: Db, clock: Clock, principal: Principal) {
  const day = shanghaiDay(clock.now());
  const from = shanghaiDayStart(day);
  const to = new Date(from.getTime() + 24 * 3_600_000);
  const visible = paymentVisibleTo(db, principal);
  const byChannel = await queryRows<{
    channel: string;
    n: string;
    amount: string;
    refunded: string;
  }>(
    db,
    sql`select channel, count(*) as n, sum(amount_fen) as amount, sum(refunded_fen) as refunded
        from payments
        where status = 'succeeded' and succeeded_at >= ${from.toISOString()}::timestamptz
          and succeeded_at < ${to.toISOString()}::timestamptz and ${visible}
        group by channel`,
  );
  const channelRows = channels.map((channel) => {
    const row = byChannel.find((item) => item.channel === channel);
    return {
      key: channel,
      label: channelLabels[channel] ?? channel,
      count: Number(row?.n ?? 0),
      amountFen: Number(row?.amount ?? 0),
    };
  });
  let byBranch: { key: string; label: string; count: number; amountFen: number }[] = [];
  if (principal.realm === 'staff' && principal.scopePath) {
    const scope = principal.scopePath;
    const depth = scope.split('/').filter(Boolean).length;
    const branches = await queryRows<{ id: string; name: string; n: string; amount: string }>(
      db,
      sql`select child.id, child.name, count(p.id) as n, coalesce(sum(p.amount_fen), 0) as amount
          from org_nodes child
          left join org_nodes node on node.path like child.path || '%'
          left join merchants m on m.org_node_id = node.id
          left join payments p on p.merchant_id = m.id and p.status = 'succeeded'
            and p.succeeded_at >= ${from.toISOString()}::timestamptz and p.succeeded_at < ${to.toISOString()}::timestamptz
          where child.path like ${`${escapeLike(scope)}%`}
            and array_length(string_to_array(trim(both '/' from child.path), '/'), 1) = ${depth + 1}
          group by child.id, child.name order by amount desc`,
    );
    byBranch = branches.map((row) => ({
      key: row.id,
      label: row.name,
      count: Number(row.n),
      amountFen: Number(row.amount),
    }));
  }
  return {
    day,
    count: channelRows.reduce((sum, row) => sum + row.count, 0),
    amountFen: channelRows.reduce((sum, row) => sum + row.amountFen, 0),
    refundedFen: byChannel.reduce((sum, row) => sum + Number(row.refunded ?? 0), 0),
    byChannel: channelRows,
    byBranch,
  };
}
