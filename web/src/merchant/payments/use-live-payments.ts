import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Payment, PaymentFilters } from '../../app/api/payment-types';
import {
  fetchPaymentChanges,
  paymentDetailKey,
  todayTotalsKey,
  usePaymentList,
} from '../../payments/payment-api';

const pollMs = 3000;
const highlightMs = 5000;
/**
 * Each poll asks again for a few seconds before the newest change seen: a payment whose
 * transaction started earlier but committed later carries an older `updatedAt` and would
 * otherwise be skipped. Rows already known with the same `updatedAt` are ignored.
 */
const overlapMs = 5000;
/** A burst larger than this many pages waits for the next poll. */
const maxPagesPerPoll = 5;

const newer = (a: Payment, b: Payment | undefined) => !b || a.updatedAt > b.updatedAt;

/**
 * The merchant's payments as they happen: the list pages as usual, and every 3 s the payments
 * changed since the newest change seen are merged in. New ones go on top and are marked fresh
 * for a few seconds; changed ones (a pending payment paid, a refund) replace their row. Polling
 * pauses while the tab is hidden.
 */
export function useLivePayments(filters: PaymentFilters) {
  const queryClient = useQueryClient();
  const list = usePaymentList(filters);
  const [changes, setChanges] = useState<Map<string, Payment>>(() => new Map());
  const [fresh, setFresh] = useState<Set<string>>(() => new Set());
  const [pollFailed, setPollFailed] = useState(false);
  const filtersKey = JSON.stringify(filters);

  // Changes polled under other filters do not belong to this list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the filters change
  useEffect(() => {
    setChanges(new Map());
    setFresh(new Set());
  }, [filtersKey]);

  const listed = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);

  const rows = useMemo(() => {
    const listedIds = new Set(listed.map((payment) => payment.id));
    const added = [...changes.values()]
      .filter((payment) => !listedIds.has(payment.id))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const current = listed.map((payment) => {
      const changed = changes.get(payment.id);
      return changed && newer(changed, payment) ? changed : payment;
    });
    return [...added, ...current];
  }, [listed, changes]);

  // The interval reads the latest rows through a ref rather than restarting on every render.
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const loaded = list.isSuccess;

  // biome-ignore lint/correctness/useExhaustiveDependencies: filtersKey stands for filters
  useEffect(() => {
    if (!loaded) return;
    let stopped = false;
    let running = false;

    const poll = async () => {
      if (running || document.visibilityState !== 'visible') return;
      running = true;
      try {
        const known = new Map(rowsRef.current.map((payment) => [payment.id, payment]));
        let newest: string | undefined;
        for (const payment of known.values()) {
          if (!newest || payment.updatedAt > newest) newest = payment.updatedAt;
        }
        // An empty list has no change to start from: the newest page tells what is new.
        let since = newest
          ? new Date(new Date(newest).getTime() - overlapMs).toISOString()
          : undefined;
        const seen: Payment[] = [];
        for (let page = 0; page < maxPagesPerPoll; page += 1) {
          const reply = await fetchPaymentChanges(filters, since);
          seen.push(...reply.data);
          const last = reply.data[reply.data.length - 1];
          if (!reply.hasMore || !last || !since) break;
          since = last.updatedAt;
        }
        if (stopped) return;
        setPollFailed(false);
        const updated = seen.filter((payment) => newer(payment, known.get(payment.id)));
        if (!updated.length) return;

        const added = updated.filter((payment) => !known.has(payment.id)).map((p) => p.id);
        setChanges((previous) => {
          const next = new Map(previous);
          for (const payment of updated) next.set(payment.id, payment);
          return next;
        });
        for (const payment of updated) {
          queryClient.setQueryData(paymentDetailKey(payment.id), payment);
        }
        void queryClient.invalidateQueries({ queryKey: todayTotalsKey });
        if (added.length) {
          setFresh((previous) => new Set([...previous, ...added]));
          setTimeout(() => {
            setFresh((previous) => {
              const next = new Set(previous);
              for (const id of added) next.delete(id);
              return next;
            });
          }, highlightMs);
        }
      } catch {
        // The next poll tries again; the page says that it is not live meanwhile.
        if (!stopped) setPollFailed(true);
      } finally {
        running = false;
      }
    };

    const timer = setInterval(() => void poll(), pollMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [loaded, filtersKey, queryClient]);

  return { list, rows, fresh, pollFailed };
}
