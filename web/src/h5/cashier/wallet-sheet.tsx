import { Button, Popup } from 'antd-mobile';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../app/money';
import { PayError } from './pay-error';
import { type Wallet, walletColors } from './wallet';
import { WalletBadge } from './wallet-badge';

/**
 * The simulated wallet's own payment sheet, standing in for WeChat's or Alipay's JSAPI
 * confirmation: the payer sees the payee and the amount once more and confirms in the wallet.
 */
export function WalletSheet({
  visible,
  wallet,
  amountFen,
  storeName,
  confirming,
  error,
  onConfirm,
  onCancel,
}: {
  visible: boolean;
  wallet: Wallet;
  amountFen: number;
  storeName: string;
  confirming: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const amount = formatYuan(amountFen);
  return (
    <Popup
      visible={visible}
      onMaskClick={confirming ? undefined : onCancel}
      bodyStyle={{ borderRadius: '12px 12px 0 0' }}
      destroyOnClose
    >
      <div
        style={{ '--wallet-color': walletColors[wallet] } as CSSProperties}
        data-testid="wallet-sheet"
        data-wallet={wallet}
      >
        <div className="wallet-sheet-head">
          <span className="wallet-sheet-brand">
            <WalletBadge wallet={wallet} />
            {t(`cashier.wallets.${wallet}`)}
            <span className="wallet-sheet-tag">{t('cashier.sheet.simulated')}</span>
          </span>
          <button
            type="button"
            className="wallet-sheet-close"
            aria-label={t('cashier.sheet.cancel')}
            onClick={onCancel}
            disabled={confirming}
            data-testid="wallet-sheet-cancel"
          >
            ×
          </button>
        </div>
        <div className="wallet-sheet-body">
          <div className="wallet-sheet-payee">{storeName}</div>
          <div className="wallet-sheet-amount">¥{amount}</div>
          <div className="wallet-sheet-row">
            <span>{t('cashier.sheet.payee')}</span>
            <span>{storeName}</span>
          </div>
          <div className="wallet-sheet-row">
            <span>{t('cashier.sheet.method')}</span>
            <span>
              {t(`cashier.wallets.${wallet}`)} · {t('cashier.sheet.balance')}
            </span>
          </div>
          <PayError error={error} />
          <Button
            block
            size="large"
            className="wallet-sheet-confirm"
            loading={confirming}
            onClick={onConfirm}
            data-testid="wallet-sheet-confirm"
          >
            {t('cashier.sheet.confirm', { amount })}
          </Button>
        </div>
      </div>
    </Popup>
  );
}
