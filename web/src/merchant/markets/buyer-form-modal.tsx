import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeLabel, useApplicationOptions } from '../../app/api/application-options';
import { api } from '../../app/api/client';
import { newIdempotencyKey } from '../../app/api/idempotency-key';
import { useShowError } from '../../app/api/use-show-error';

interface BuyerValues {
  name: string;
  idNumber: string;
  accountNumber: string;
  bankCode: string;
}

/**
 * Registers a buyer member. The server checks the name, the ID number (GB 11643) and the bank
 * account at once and names every field it refuses; each message is put under its field.
 */
export function BuyerFormModal({ marketId, onClose }: { marketId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const options = useApplicationOptions();
  const [form] = Form.useForm<BuyerValues>();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const register = useMutation({
    mutationFn: (values: BuyerValues) =>
      api.post(
        `/portal/markets/${encodeURIComponent(marketId)}/buyers`,
        {
          name: values.name?.trim() ?? '',
          idNumber: (values.idNumber ?? '').trim().toUpperCase(),
          accountNumber: (values.accountNumber ?? '').replace(/\s+/g, ''),
          bankCode: values.bankCode ?? '',
        },
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
      <Form<BuyerValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => register.mutate(values)}
      >
        <Form.Item name="name" label={t('portal.markets.buyerName')}>
          <Input maxLength={50} data-testid="buyer-form-name" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('portal.markets.buyerIdNumber')}>
          <Input maxLength={18} data-testid="buyer-form-id-number" />
        </Form.Item>
        <Form.Item name="accountNumber" label={t('portal.markets.buyerAccountNumber')}>
          <Input inputMode="numeric" maxLength={23} data-testid="buyer-form-account" />
        </Form.Item>
        <Form.Item name="bankCode" label={t('portal.markets.buyerBank')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="buyer-form-bank"
            options={(options.data?.banks ?? []).map((bank) => ({
              value: bank.code,
              label: codeLabel(bank),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
