import { RollbackOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Payment } from '../app/api/payment-types';
import { RefundModal } from './refund-modal';

/**
 * The 退款 action of a succeeded payment. The caller decides who may see it (portal:refund in
 * the portal, payment:refund in the console); nothing is left to refund once it is all returned.
 */
export function RefundButton({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (payment.status !== 'succeeded') return null;
  return (
    <>
      <Button
        danger
        icon={<RollbackOutlined />}
        disabled={payment.refundableFen <= 0}
        onClick={() => setOpen(true)}
        data-testid="payment-refund"
      >
        {t('payments.refund.action')}
      </Button>
      {open && <RefundModal payment={payment} onClose={() => setOpen(false)} />}
    </>
  );
}
