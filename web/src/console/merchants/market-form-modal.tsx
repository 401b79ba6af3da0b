import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import { newIdempotencyKey } from '../../app/api/idempotency-key';
import {
  type MarketKind,
  type MarketStatus,
  type Merchant,
  marketKinds,
} from '../../app/api/merchant-types';
import type { ListReply } from '../../app/api/types';
import { useShowError } from '../../app/api/use-show-error';
import { formatBasisPoints, marketKindLabel, marketStatusLabel } from './labels';
import { marketsKey, merchantsKey } from './merchant-api';
import type { Market } from './types';

interface MarketFields {
  operatorMerchantId?: string;
  name: string;
  kind?: MarketKind;
  commissionBp: number;
  status?: MarketStatus;
}

/** Active market-operator merchants of the caller's scope: who may run a market. */
function useOperators(enabled: boolean) {
  return useQuery({
    queryKey: [...merchantsKey, 'list', 'operators'],
    queryFn: () =>
      api.get<ListReply<Merchant>>('/merchants', {
        kind: 'market_operator',
        status: 'active',
        limit: 100,
      }),
    select: (reply) => reply.data,
    enabled,
  });
}

/**
 * Opens a market for an operator merchant (create) or renames it, changes its commission or
 * closes it (edit). The commission is in basis points and capped by the bank; the server says
 * so on the field when it is above the cap.
 */
export function MarketFormModal({
  market,
  onClose,
  onSaved,
}: {
  market?: Market;
  onClose: () => void;
  onSaved: (market: Market) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MarketFields>();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const operators = useOperators(!market);
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  const commission = Form.useWatch('commissionBp', form);

  const save = useMutation({
    mutationFn: (fields: MarketFields) =>
      market
        ? api.patch<Market>(`/markets/${encodeURIComponent(market.id)}`, {
            name: fields.name.trim(),
            commissionBp: fields.commissionBp,
            status: fields.status,
          })
        : api.post<Market>(
            '/markets',
            {
              operatorMerchantId: fields.operatorMerchantId,
              name: fields.name.trim(),
              kind: fields.kind,
              commissionBp: fields.commissionBp,
            },
            { 'Idempotency-Key': idempotencyKey },
          ),
    onSuccess: async (saved) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: marketsKey }),
        queryClient.invalidateQueries({ queryKey: merchantsKey }),
      ]);
      void message.success(
        market ? t('merchants.markets.updated') : t('merchants.markets.created'),
      );
      onSaved(saved);
    },
    onError: (error) => showError(error, form),
  });

  return (
    <Modal
      open
      title={
        market
          ? t('merchants.markets.editTitle', { name: market.name })
          : t('merchants.markets.createTitle')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'market-form-submit' }}
      destroyOnHidden
    >
      <Form<MarketFields>
        form={form}
        layout="vertical"
        initialValues={
          market
            ? { name: market.name, commissionBp: market.commissionBp, status: market.status }
            : { kind: 'wholesale', commissionBp: 30 }
        }
        onFinish={(fields) => save.mutate(fields)}
      >
        {!market && (
          <Form.Item
            name="operatorMerchantId"
            label={t('merchants.markets.operator')}
            extra={t('merchants.markets.operatorHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={operators.isPending}
              data-testid="market-form-operator"
              notFoundContent={t('merchants.markets.noOperators')}
              options={(operators.data ?? []).map((merchant) => ({
                value: merchant.id,
                label: `${merchant.shortName ?? merchant.id}${merchant.registeredName ? `（${merchant.registeredName}）` : ''}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('merchants.markets.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={50} data-testid="market-form-name" />
        </Form.Item>
        {!market && (
          <Form.Item
            name="kind"
            label={t('merchants.markets.kind')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              data-testid="market-form-kind"
              options={marketKinds.map((kind) => ({ value: kind, label: marketKindLabel(kind) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="commissionBp"
          label={t('merchants.markets.commissionBp')}
          extra={t('merchants.markets.commissionHint', { percent: formatBasisPoints(commission) })}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber
            min={0}
            step={5}
            precision={0}
            suffix="bp"
            style={{ width: 200 }}
            data-testid="market-form-commission"
          />
        </Form.Item>
        {market && (
          <Form.Item name="status" label={t('merchants.field.status')}>
            <Select
              data-testid="market-form-status"
              options={(['open', 'closed'] as const).map((status) => ({
                value: status,
                label: marketStatusLabel(status),
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
