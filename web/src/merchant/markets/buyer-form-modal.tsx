import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import { newIdempotencyKey } from '../../app/api/idempotency-key';
import { useShowError } from '../../app/api/use-show-error';
import {
  PersonAccountFields,
  type PersonAccountValues,
  personAccountBody,
} from '../person-account-fields';

/**
 * Registers a buyer member. The server checks the name, the ID number (GB 11643) and the bank
 * account at once and names every field it refuses; each message is put under its field.
 */
export function BuyerFormModal({ marketId, onClose }: { marketId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PersonAccountValues>();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const register = useMutation({
    mutationFn: (values: PersonAccountValues) =>
      api.post(
        `/portal/markets/${encodeURIComponent(marketId)}/buyers`,
        personAccountBody(values),
        { 'Idempotency-Key': idempotencyKey },
      ),
    onSuccess: async () => {
      void message.success(t('portal.markets.buyerAdded'));
      await queryClient.invalidateQueries({ queryKey: ['portal', 'markets'] });
      onClose();
    },
    onError: (error) => {
      // A refused body may be corrected and sent again: that is a new request.
      setIdempotencyKey(newIdempotencyKey());
      showError(error, form);
    },
  });

  return (
    <Modal
      open
      title={t('portal.markets.addBuyer')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: register.isPending, 'data-testid': 'buyer-form-submit' }}
      destroyOnHidden
    >
      <Form<PersonAccountValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => register.mutate(values)}
      >
        <PersonAccountFields
          testIdPrefix="buyer-form"
          labels={{
            name: t('portal.markets.buyerName'),
            idNumber: t('portal.markets.buyerIdNumber'),
            accountNumber: t('portal.markets.buyerAccountNumber'),
            bank: t('portal.markets.buyerBank'),
          }}
        />
      </Form>
    </Modal>
  );
}
