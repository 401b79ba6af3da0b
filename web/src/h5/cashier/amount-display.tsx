import { useTranslation } from 'react-i18next';

/** The typed amount, large, with a caret: the keypad below writes into it. */
export function AmountDisplay({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <div className="cashier-amount">
      <div className="cashier-amount-label">{t('cashier.amountLabel')}</div>
      <div className="cashier-amount-value" data-testid="cashier-amount">
        <span className="currency">¥</span>
        {text ? <span>{text}</span> : null}
        <span className="caret" aria-hidden />
        {text ? null : <span className="placeholder">{t('cashier.amountPlaceholder')}</span>}
      </div>
    </div>
  );
}
