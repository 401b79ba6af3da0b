import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { pageQuerySchema, toPage } from '../../platform/pagination.js';
import { merchantNotifications } from './tables.js';

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string().describe('What happened; the portal words it from `kind` and `params`'),
  params: z.record(z.string(), z.string()),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationPageSchema = z.object({
  data: z.array(notificationSchema),
  hasMore: z.boolean(),
  unreadCount: z.number().int().describe('Unread notifications of the merchant, on every page'),
});

export const notificationQuerySchema = pageQuerySchema.extend({
  unread: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('true: only the unread ones'),
});

type NotificationRow = typeof merchantNotifications.$inferSelect;

function toNotificationView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    params: row.params,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** A merchant's notifications, newest first, with how many are still unread. */
export async function listNotifications(
  db: Db,
  merchantId: string,
  query: z.infer<typeof notificationQuerySchema>,
): Promise<z.infer<typeof notificationPageSchema>> {
  const mine = eq(merchantNotifications.merchantId, merchantId);
  const unread = isNull(merchantNotifications.readAt);
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(merchantNotifications)
      .where(
        and(
          mine,
          query.unread ? unread : undefined,
          query.startingAfter ? lt(merchantNotifications.id, query.startingAfter) : undefined,
        ),
      )
      .orderBy(desc(merchantNotifications.id))
      .limit(query.limit + 1),
    db.select({ n: count() }).from(merchantNotifications).where(and(mine, unread)),
  ]);
  const page = toPage(rows, query.limit);
  return {
    data: page.data.map(toNotificationView),
    hasMore: page.hasMore,
    unreadCount: Number(counted?.n ?? 0),
  };
}

/**
 * Marks one of the merchant's notifications read; reading it again keeps the first time.
 * Not audited: it changes what the portal highlights, not anything about the merchant.
 */
export async function markNotificationRead(
  db: Db,
  clock: Clock,
  merchantId: string,
  notificationId: string,
): Promise<NotificationView> {
  const mine = and(
    eq(merchantNotifications.id, notificationId),
    eq(merchantNotifications.merchantId, merchantId),
  );
  await db
    .update(merchantNotifications)
    .set({ readAt: clock.now() })
    .where(and(mine, isNull(merchantNotifications.readAt)));
  const [row] = await db.select().from(merchantNotifications).where(mine);
  if (!row) throw new AppError('resource_not_found');
  return toNotificationView(row);
}
