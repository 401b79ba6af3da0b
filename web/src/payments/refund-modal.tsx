import { Alert, App, Button, Descriptions, Flex, Form, Input, Modal } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api/api-error';
import { newIdempotencyKey } from '../app/api/idempotency-key';
import type { CreateRefundBody, Payment } from '../app/api/payment-types';
import { formatCny, formatYuan, parseYuanToFen } from '../app/money';
import { QueryError } from '../app/shell/query-error';
import { useCreateRefund } from './payment-api';

/** The amount as one would type it: the input's text is parsed back, without separators. */
const inputYuan = (fen: number) => formatYuan(fen).replace(/,/g, '');

interface RefundFields {
  amount: string;
  reason?: string;
}

/**
 * A full or partial refund. The amount is typed in yuan and parsed to fen from the text, so no
 * float is involved; the server re-checks it against the refundable amount under a row lock.
 */
export function RefundModal({ payment, onClose }: { payment: Payment; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RefundFields>();
  const refund = useCreateRefund(payment.id);
  // One key per attempt: a retry of the same refund (a double click, a timeout) reuses it and
  // is answered once; a changed amount or reason is another refund and gets a new key, which
  // the server would otherwise refuse as a different body under the same key.
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const refundable = payment.refundableFen;

  const submit = ({ amount, reason }: RefundFields) => {
    const body: CreateRefundBody = { amountFen: parseYuanToFen(amount) ?? 0 };
    const why = reason?.trim();
    if (why) body.reason = why;
    const bodyText = JSON.stringify(body);
    if (attempt.current?.body !== bodyText) {
      attempt.current = { key: newIdempotencyKey(), body: bodyText };
    }
    refund.mutate(
      { body, idempotencyKey: attempt.current.key },
      {
        onSuccess: () => {
          void message.success(t('payments.refund.submitted'));
          onClose();
        },
        onError: (error) => {
          // A refused refund was not stored: asking again with the same body may well succeed
          // (the refundable amount moved), so it is a new attempt.
          if (isApiError(error) && error.status !== 409) attempt.current = null;
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('payments.refund.title')}
      okText={t('payments.refund.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={refund.isPending}
      okButtonProps={{ disabled: refundable <= 0, 'data-testid': 'refund-submit' }}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'amount',
              label: t('payments.field.amount'),
              children: formatCny(payment.amountFen),
            },
            {
              key: 'refundable',
              label: t('payments.refund.refundable'),
              children: <span data-testid="refund-refundable">{formatCny(refundable)}</span>,
            },
          ]}
        />
        {refund.isError && <QueryError error={refund.error} />}
        {refundable <= 0 ? (
          <Alert type="info" showIcon title={t('payments.refund.nothingRefundable')} />
        ) : (
          <Form<RefundFields>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ amount: inputYuan(refundable) }}
            data-testid="refund-form"
          >
            <Form.Item
              name="amount"
              label={t('payments.refund.amount')}
              required
              extra={
                <Button
                  type="link"
                  size="small"
                  style={{ paddingInline: 0 }}
                  onClick={() => form.setFieldValue('amount', inputYuan(refundable))}
                >
                  {t('payments.refund.all')}
                </Button>
              }
              rules={[
                {
                  validator: (_, value: string | undefined) => {
                    const fen = parseYuanToFen(value ?? '');
                    if (fen === null) {
                      return Promise.reject(new Error(t('payments.refund.amountInvalid')));
                    }
                    if (fen < 1) return Promise.reject(new Error(t('payments.refund.amountZero')));
                    if (fen > refundable) {
                      return Promise.reject(
                        new Error(
                          t('payments.refund.amountTooLarge', { amount: formatYuan(refundable) }),
                        ),
                      );
                    }
                    return Promise.resolve();
                  },
                },
              ]}
            >
              <Input
                prefix="¥"
                inputMode="decimal"
                autoComplete="off"
                placeholder={t('payments.refund.amountPlaceholder')}
                data-testid="refund-amount"
              />
            </Form.Item>
            <Form.Item name="reason" label={t('payments.refund.reason')}>
              <Input.TextArea
                maxLength={80}
                showCount
                autoSize={{ minRows: 2, maxRows: 4 }}
                placeholder={t('payments.refund.reasonPlaceholder')}
                data-testid="refund-reason"
              />
            </Form.Item>
          </Form>
        )}
      </Flex>
    </Modal>
  );
}
