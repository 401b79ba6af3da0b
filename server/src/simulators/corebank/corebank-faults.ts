import type { z } from 'zod';
import {
  type FaultCounter,
  faultsPatchSchema,
  noFaults,
  type SimulatorFaults,
} from '../engine/simulator-faults.js';

/**
 * The faults of the channel simulators that a payout gateway can show too, with the same
 * meanings (engine/simulator-faults.ts), set by tests or through POST /sim/corebank/faults.
 * Refund and reordering faults have no payout counterpart and are left out.
 */
const coreBankFaultNames = {
  latencyMs: true,
  instant: true,
  timeouts: true,
  hangMs: true,
  timeoutsAfterProcessing: true,
  systemErrors: true,
  duplicateNotifications: true,
  badNotificationSignatures: true,
  badResponseSignatures: true,
  tamperedNotificationAmounts: true,
} as const;

export type CoreBankFaults = Pick<SimulatorFaults, keyof typeof coreBankFaultNames>;

export const coreBankFaultsPatchSchema = faultsPatchSchema.pick({
  ...coreBankFaultNames,
  reset: true,
});

export type CoreBankFaultsPatch = z.infer<typeof coreBankFaultsPatchSchema>;

const noCoreBankFaults: CoreBankFaults = Object.fromEntries(
  Object.keys(coreBankFaultNames).map((name) => [name, noFaults[name as keyof CoreBankFaults]]),
) as CoreBankFaults;

/** The current faults; counters count down as calls and notifications use them up. */
export class CoreBankFaultSwitch {
  private current: CoreBankFaults = { ...noCoreBankFaults };

  get faults(): Readonly<CoreBankFaults> {
    return this.current;
  }

  set(patch: CoreBankFaultsPatch): CoreBankFaults {
    const { reset, ...rest } = patch;
    const base = reset ? { ...noCoreBankFaults } : this.current;
    this.current = {
      ...base,
      ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
    };
    return this.current;
  }

  /**
   * Uses up one of a fault counter; true when the fault applies to this call. Takes every
   * channel counter so the shared reply helpers can ask; the ones a gateway lacks never apply.
   */
  takeFault(counter: FaultCounter): boolean {
    if (!(counter in this.current)) return false;
    const name = counter as keyof CoreBankFaults & FaultCounter;
    if (this.current[name] <= 0) return false;
    this.current = { ...this.current, [name]: this.current[name] - 1 };
    return true;
  }
}
