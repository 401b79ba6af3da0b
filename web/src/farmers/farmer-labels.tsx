import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { labelFor } from '../app/i18n/labels';
import type { PurchasePayoutState } from './farmer-types';

export const purchasePayoutLabel = (state: string) => labelFor('farmers.payoutStatus', state);

const payoutColor: Record<PurchasePayoutState, string> = {
  paid: 'green',
  pending: 'processing',
  failed: 'red',
};

export function PurchasePayoutTag({ state }: { state: PurchasePayoutState }) {
  useTranslation();
  return (
    <Tag color={payoutColor[state] ?? 'default'} data-status={state}>
      {purchasePayoutLabel(state)}
    </Tag>
  );
}
