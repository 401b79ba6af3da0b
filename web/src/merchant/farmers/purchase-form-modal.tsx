import { Alert, App, Descriptions, Form, Input, Modal, Select, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { randomUuid } from '../../app/api/random-uuid';
import { useShowError } from '../../app/api/use-show-error';
import { formatCny, parseYuanToFen } from '../../app/money';
import { useFarmers, useRecordPurchase } from '../../farmers/farmer-api';
import type { FarmerPurchase, RecordPurchaseBody } from '../../farmers/farmer-types';
import { parseKgToGrams, purchaseAmountFen } from '../../farmers/weighed-amount';

interface PurchaseFields {
  farmerId: string;
  produce: string;
  weightKg: string;
  unitPriceYuan: string;
}

type PurchaseContent = Omit<RecordPurchaseBody, 'clientPurchaseId' | 'recordedAt'>;

/** The weight and price as integers, and their amount; null while either is not a number yet. */
function weighedAmount(weightKg: string | undefined, unitPriceYuan: string | undefined) {
  const weightGrams = parseKgToGrams(weightKg ?? '');
  const unitPriceFenPerKg = parseYuanToFen(unitPriceYuan ?? '');
  if (!weightGrams || !unitPriceFenPerKg) return null;
  return {
    weightGrams,
    unitPriceFenPerKg,
    amountFen: purchaseAmountFen(weightGrams, unitPriceFenPerKg),
  };
}

/**
 * Records a field purchase and pays the farmer from the purchaser's funds. Weight (kg, three
 * decimals) and unit price (yuan/kg) are parsed from their text to grams and fen, and the
 * amount is computed in integers as the server does, so the amount confirmed is the one paid.
 */
export function PurchaseFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<PurchaseFields>();
  const farmers = useFarmers();
  const record = useRecordPurchase();
  const weightKg = Form.useWatch('weightKg', form);
  const unitPriceYuan = Form.useWatch('unitPriceYuan', form);
  const computed = weighedAmount(weightKg, unitPriceYuan);
  // One purchase per attempt: resending the same content (a double click, a timeout) keeps its
  // id and time, so the server answers the purchase it already recorded instead of paying twice;
  // changed content is another purchase with a new id.
  const attempt = useRef<{ content: string; body: RecordPurchaseBody } | null>(null);
  const activeFarmers = (farmers.data?.pages.flatMap((page) => page.data) ?? []).filter(
    (farmer) => farmer.status === 'active',
  );

  const announce = (purchase: FarmerPurchase) => {
    if (purchase.payoutStatus === 'failed') {
      modal.warning({
        title: t('farmers.purchase.failed', {
          reason: purchase.payoutFailureReason ?? purchase.payoutFailureCode ?? '—',
        }),
      });
    } else if (purchase.payoutStatus === 'pending') {
      void message.info(t('farmers.purchase.pending'));
    } else {
      void message.success(
        t('farmers.purchase.paid', {
          amount: formatCny(purchase.amountFen),
          name: purchase.farmerName,
        }),
      );
    }
  };

  const submit = (fields: PurchaseFields) => {
    const weighed = weighedAmount(fields.weightKg, fields.unitPriceYuan);
    if (!weighed) return;
    const content: PurchaseContent = {
      farmerId: fields.farmerId,
      produce: fields.produce.trim(),
      ...weighed,
    };
    const contentText = JSON.stringify(content);
    if (attempt.current?.content !== contentText) {
      attempt.current = {
        content: contentText,
        body: { ...content, clientPurchaseId: randomUuid(), recordedAt: new Date().toISOString() },
      };
    }
    record.mutate(attempt.current.body, {
      onSuccess: (purchase) => {
        announce(purchase);
        onClose();
      },
      onError: (error) => showError(error, form),
    });
  };

  return (
    <Modal
      open
      title={t('farmers.purchase.title')}
      okText={t('farmers.purchase.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: record.isPending, 'data-testid': 'purchase-form-submit' }}
      destroyOnHidden
    >
      <Form<PurchaseFields> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="farmerId"
          label={t('farmers.purchase.farmer')}
          rules={[{ required: true, message: t('farmers.purchase.farmerRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={farmers.isPending}
            data-testid="purchase-form-farmer"
            options={activeFarmers.map((farmer) => ({
              value: farmer.id,
              label: `${farmer.name} · ${farmer.accountNumber} · ${farmer.regionName}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="produce"
          label={t('farmers.purchase.produce')}
          rules={[
            { required: true, whitespace: true, message: t('farmers.purchase.produceRequired') },
          ]}
        >
          <Input
            maxLength={30}
            placeholder={t('farmers.purchase.producePlaceholder')}
            data-testid="purchase-form-produce"
          />
        </Form.Item>
        <Form.Item
          name="weightKg"
          label={t('farmers.purchase.weight')}
          rules={[parsedBy(parseKgToGrams, t('farmers.purchase.weightInvalid'))]}
        >
          <Input
            {...decimalInput}
            suffix="kg"
            placeholder={t('farmers.purchase.weightPlaceholder')}
            data-testid="purchase-form-weight"
          />
        </Form.Item>
        <Form.Item
          name="unitPriceYuan"
          label={t('farmers.purchase.unitPrice')}
          rules={[parsedBy(parseYuanToFen, t('farmers.purchase.unitPriceInvalid'))]}
        >
          <Input
            {...decimalInput}
            prefix="¥"
            placeholder={t('farmers.purchase.unitPricePlaceholder')}
            data-testid="purchase-form-price"
          />
        </Form.Item>
      </Form>
      {computed ? (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            {
              key: 'amount',
              label: t('farmers.purchase.amount'),
              children: (
                <Typography.Text strong style={{ fontSize: 18 }} data-testid="purchase-form-amount">
                  {formatCny(computed.amountFen)}
                </Typography.Text>
              ),
            },
          ]}
        />
      ) : (
        <Alert type="info" showIcon title={t('farmers.purchase.amountHint')} />
      )}
    </Modal>
  );
}

/** Weights and prices are typed as decimal text and read by an exact parser, never a float. */
const decimalInput = { inputMode: 'decimal', autoComplete: 'off' } as const;

/** A form rule: the text must be something `parse` accepts (a positive amount). */
function parsedBy(parse: (text: string) => unknown, message: string) {
  return {
    validator: (_: unknown, value: string | undefined) =>
      parse(value ?? '') ? Promise.resolve() : Promise.reject(new Error(message)),
  };
}
