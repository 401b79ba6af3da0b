import type { ReactNode } from 'react';
import { PaymentResult } from './payment-result';
import type { CashierPaymentFlow } from './use-cashier-payment';
import type { Wallet } from './wallet';
import { WalletSheet } from './wallet-sheet';

/**
 * What store codes and order codes share once the payer presses pay: the simulated wallet's
 * sheet over the page, then the result in its place.
 */
export function CashierCheckout({
  flow,
  wallet,
  amountFen,
  storeName,
  onPayAgain,
  children,
}: {
  flow: CashierPaymentFlow;
  wallet: Wallet | undefined;
  amountFen: number;
  storeName: string;
  onPayAgain?: () => void;
  children: ReactNode;
}) {
  if (flow.phase === 'polling' || flow.phase === 'settled' || flow.phase === 'unknown') {
    return (
      <PaymentResult
        phase={flow.phase}
        payment={flow.payment}
        onCheckAgain={flow.checkAgain}
        onPayAgain={onPayAgain}
      />
    );
  }
  const sheetOpen = flow.phase === 'wallet' || flow.phase === 'confirming';
  return (
    <>
      {children}
      {wallet && (
        <WalletSheet
          visible={sheetOpen}
          wallet={wallet}
          amountFen={flow.payment?.amountFen ?? amountFen}
          storeName={storeName}
          confirming={flow.phase === 'confirming'}
          error={sheetOpen ? flow.error : undefined}
          onConfirm={() => void flow.confirm()}
          onCancel={flow.cancelWallet}
        />
      )}
    </>
  );
}
