import { z } from 'zod';

/**
 * What can go wrong at a simulated channel, set per channel by tests or through
 * POST /sim/<channel>/faults. Counters apply to the next N calls or notifications and count
 * down; flags stay until changed.
 */
export type SimulatorFaults = {
  /** Added before every API answer. */
  latencyMs: number;
  /** No latency, refunds and password payments settle at once, notifications go out right away. */
  instant: boolean;
  /** The next N API calls hang for `hangMs`, past the client's timeout. */
  timeouts: number;
  hangMs: number;
  /** Whether a hanging call was carried out first (the channel did it, the answer was lost). */
  timeoutsAfterProcessing: boolean;
  /** The next N API calls answer the channel's "system error" without doing anything. */
  systemErrors: number;
  /** Each notification is sent this many times (1 = once). */
  duplicateNotifications: number;
  /** Notifications due together are delivered newest first (a refund's before its payment's). */
  reorderNotifications: boolean;
  /** The next N notifications carry a signature that does not verify. */
  badNotificationSignatures: number;
  /** The next N API answers carry a signature that does not verify. */
  badResponseSignatures: number;
  /** The next N notifications have their amount changed after signing. */
  tamperedNotificationAmounts: number;
  /** The next N refunds are accepted and then fail. */
  failNextRefunds: number;
};

export const noFaults: SimulatorFaults = {
  latencyMs: 0,
  instant: false,
  timeouts: 0,
  hangMs: 60_000,
  timeoutsAfterProcessing: true,
  systemErrors: 0,
  duplicateNotifications: 1,
  reorderNotifications: false,
  badNotificationSignatures: 0,
  badResponseSignatures: 0,
  tamperedNotificationAmounts: 0,
  failNextRefunds: 0,
};

export type FaultCounter =
  | 'timeouts'
  | 'systemErrors'
  | 'badNotificationSignatures'
  | 'badResponseSignatures'
  | 'tamperedNotificationAmounts'
  | 'failNextRefunds';

const count = z.number().int().min(0).max(10_000);
const ms = z.number().int().min(0).max(600_000);

/** The body of POST /sim/<channel>/faults: any subset, merged into the current faults. */
export const faultsPatchSchema = z.strictObject({
  latencyMs: ms.optional(),
  instant: z.boolean().optional(),
  timeouts: count.optional(),
  hangMs: ms.optional(),
  timeoutsAfterProcessing: z.boolean().optional(),
  systemErrors: count.optional(),
  duplicateNotifications: z.number().int().min(1).max(10).optional(),
  reorderNotifications: z.boolean().optional(),
  badNotificationSignatures: count.optional(),
  badResponseSignatures: count.optional(),
  tamperedNotificationAmounts: count.optional(),
  failNextRefunds: count.optional(),
  /** Resets everything to no faults before the rest applies. */
  reset: z.boolean().optional(),
});

export type FaultsPatch = z.infer<typeof faultsPatchSchema>;
