import { useCallback, useEffect, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../app/api/idempotency-key';
import { type CashierPayment, cashierApi, type PayRequest } from './cashier-api';
import { payerRefFor, type Wallet } from './wallet';

/**
 * idle → creating → wallet (the simulated wallet's sheet) → confirming → polling → settled, or
 * unknown when the bounded polling ran out while the payment was still pending.
 */
export type CashierPhase =
  | 'idle'
  | 'creating'
  | 'wallet'
  | 'confirming'
  | 'polling'
  | 'settled'
  | 'unknown';

/** One poll a second for half a minute: the simulator settles in a second or two. */
const pollIntervalMs = 1_000;
const maxPolls = 30;

/** The payment id rides in the URL so a reload of the result page resumes instead of paying again. */
const resumeParam = 'payment';

function rememberPayment(paymentId: string | undefined): void {
  const url = new URL(window.location.href);
  if (paymentId) url.searchParams.set(resumeParam, paymentId);
  else url.searchParams.delete(resumeParam);
  window.history.replaceState(null, '', url);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface CashierPaymentFlow {
  phase: CashierPhase;
  payment: CashierPayment | undefined;
  error: unknown;
  /** Store codes pass the typed amount; an order code's amount is the merchant's. */
  pay: (wallet: Wallet, amountFen?: number) => Promise<void>;
  confirm: () => Promise<void>;
  cancelWallet: () => void;
  checkAgain: () => void;
  reset: () => void;
}

/**
 * The payer's side of one payment. `create` is the store-code or order-code POST; the
 * Idempotency-Key belongs to the attempt (same amount, same wallet), so pressing pay again after
 * a timeout or after closing the wallet sheet finds the same payment instead of making another.
 */
export function useCashierPayment(
  create: (request: PayRequest, idempotencyKey: string) => Promise<CashierPayment>,
): CashierPaymentFlow {
  const [phase, setPhase] = useState<CashierPhase>(() =>
    new URL(window.location.href).searchParams.get(resumeParam) ? 'polling' : 'idle',
  );
  const [payment, setPayment] = useState<CashierPayment>();
  const [error, setError] = useState<unknown>();
  const [pollRound, setPollRound] = useState(0);
  const attempt = useRef<{ fingerprint: string; key: string }>(undefined);
  const payingWallet = useRef<Wallet>(undefined);

  const keyFor = (request: PayRequest): string => {
    const fingerprint = JSON.stringify([request.channel, request.amountFen ?? null]);
    if (attempt.current?.fingerprint !== fingerprint) {
      attempt.current = { fingerprint, key: newIdempotencyKey() };
    }
    return attempt.current.key;
  };

  const pay = async (wallet: Wallet, amountFen?: number) => {
    const request: PayRequest = { channel: wallet, payerRef: payerRefFor(wallet), amountFen };
    payingWallet.current = wallet;
    setError(undefined);
    setPhase('creating');
    try {
      const created = await create(request, keyFor(request));
      setPayment(created);
      if (created.status !== 'pending') {
        setPhase('settled');
      } else if (created.wallet) {
        setPhase('wallet');
      } else {
        // Inside a real wallet the app's own payment sheet runs; the page only waits for it.
        rememberPayment(created.paymentId);
        setPhase('polling');
      }
    } catch (cause) {
      setError(cause);
      setPhase('idle');
    }
  };

  const confirm = async () => {
    const wallet = payingWallet.current;
    if (!payment?.wallet || !wallet) return;
    const payerRef = payerRefFor(wallet);
    setError(undefined);
    setPhase('confirming');
    try {
      await cashierApi.confirmInWallet(
        payment.wallet.confirmUrl,
        payment.wallet.prepayId,
        payerRef,
      );
      rememberPayment(payment.paymentId);
      setPhase('polling');
    } catch (cause) {
      setError(cause);
      setPhase('wallet');
    }
  };

  const paymentId =
    payment?.paymentId ?? new URL(window.location.href).searchParams.get(resumeParam);

  // biome-ignore lint/correctness/useExhaustiveDependencies: pollRound restarts the loop when the payer asks to check again.
  useEffect(() => {
    if (phase !== 'polling' || !paymentId) return;
    let cancelled = false;
    void (async () => {
      for (let poll = 0; poll < maxPolls && !cancelled; poll += 1) {
        if (poll > 0) await sleep(pollIntervalMs);
        if (cancelled) return;
        try {
          const current = await cashierApi.payment(paymentId);
          if (cancelled) return;
          setPayment(current);
          if (current.status !== 'pending') {
            setPhase('settled');
            return;
          }
        } catch {
          // A dropped poll on a weak signal is not a result; the next one may get through.
        }
      }
      if (!cancelled) setPhase('unknown');
    })();
    return () => {
      cancelled = true;
    };
  }, [phase, paymentId, pollRound]);

  const checkAgain = useCallback(() => {
    setPollRound((round) => round + 1);
    setPhase('polling');
  }, []);

  const reset = useCallback(() => {
    attempt.current = undefined;
    rememberPayment(undefined);
    setPayment(undefined);
    setError(undefined);
    setPhase('idle');
  }, []);

  const cancelWallet = useCallback(() => setPhase('idle'), []);

  return { phase, payment, error, pay, confirm, cancelWallet, checkAgain, reset };
}
