import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../app/api/payment-types';
import { type Wallet, walletColors, wallets } from './wallet';
import { WalletBadge } from './wallet-badge';

/**
 * How the payer pays. Inside a wallet's web view that wallet is the only choice and is just
 * named; in a plain browser the payer picks one of the simulated wallets the store accepts.
 */
export function WalletPicker({
  detected,
  value,
  onChange,
  accepted,
}: {
  detected: Wallet | undefined;
  value: Wallet | undefined;
  onChange: (wallet: Wallet) => void;
  accepted: Channel[];
}) {
  const { t } = useTranslation();
  if (detected) {
    return (
      <div className="cashier-wallets">
        <div className="cashier-detected" data-testid="cashier-detected-wallet">
          <WalletBadge wallet={detected} />
          {t('cashier.detectedWallet', { wallet: t(`cashier.wallets.${detected}`) })}
        </div>
      </div>
    );
  }
  const offered = wallets.filter((wallet) => accepted.includes(wallet));
  return (
    <div className="cashier-wallets" data-testid="cashier-wallet-picker">
      <div className="cashier-wallets-title">{t('cashier.chooseWallet')}</div>
      <div className="cashier-wallets-hint">{t('cashier.simulatedHint')}</div>
      <div className="cashier-wallet-grid">
        {offered.map((wallet) => (
          <button
            key={wallet}
            type="button"
            className="cashier-wallet"
            aria-pressed={value === wallet}
            style={{ '--wallet-color': walletColors[wallet] } as CSSProperties}
            onClick={() => onChange(wallet)}
            data-testid={`cashier-wallet-${wallet}`}
          >
            <WalletBadge wallet={wallet} />
            {t(`cashier.wallets.${wallet}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
