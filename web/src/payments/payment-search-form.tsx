import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  type Channel,
  channels,
  type PaymentFilters,
  type PaymentMethod,
  type PaymentStatus,
  paymentMethods,
  paymentStatuses,
} from '../app/api/payment-types';
import { SearchButtons } from '../console/shared/search-buttons';
import { channelLabel, methodLabel, paymentStatusLabel } from './labels';

interface SearchFields {
  q?: string;
  status?: PaymentStatus;
  channel?: Channel;
  method?: PaymentMethod;
  merchantId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const filterKeys = [
  'q',
  'status',
  'channel',
  'method',
  'merchantId',
  'createdFrom',
  'createdTo',
] as const;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** The filters live in the URL, so going back from a payment returns to the same list. */
export function filtersFromParams(params: URLSearchParams): PaymentFilters {
  const text = (key: string) => params.get(key) || undefined;
  return {
    q: text('q'),
    status: oneOf(paymentStatuses, params.get('status')),
    channel: oneOf(channels, params.get('channel')),
    method: oneOf(paymentMethods, params.get('method')),
    merchantId: text('merchantId'),
    createdFrom: text('createdFrom'),
    createdTo: text('createdTo'),
  };
}

export function paramsFromFilters(filters: PaymentFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

const trimmed = (value: string | undefined) => value?.trim() || undefined;

/**
 * The payment filters of the console and the portal. Staff search across merchants, so they
 * also filter by method and merchant, and pick the range to the second; merchants pick days.
 * Fields are tested by `payment-filter-${name}`.
 */
export function PaymentSearchForm({
  filters,
  staff = false,
  onSearch,
}: {
  filters: PaymentFilters;
  staff?: boolean;
  onSearch: (filters: PaymentFilters) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SearchFields>();
  const initialValues: SearchFields = {
    ...filters,
    range:
      filters.createdFrom || filters.createdTo
        ? [
            filters.createdFrom ? dayjs(filters.createdFrom) : null,
            filters.createdTo ? dayjs(filters.createdTo) : null,
          ]
        : undefined,
  };

  const submit = ({ range, ...fields }: SearchFields) => {
    const [from, to] = range ?? [];
    onSearch({
      q: trimmed(fields.q),
      status: fields.status,
      channel: fields.channel,
      method: fields.method,
      merchantId: trimmed(fields.merchantId),
      // The API takes instants; the picker works in the browser's zone (Shanghai at the bank).
      createdFrom: (staff ? from : from?.startOf('day'))?.toISOString(),
      createdTo: (staff ? to : to?.endOf('day'))?.toISOString(),
    });
  };
  // Every filter, text or choice, is cleared, labelled and found by tests the same way.
  const filterProps = (name: string, placeholder: string, width: number) => ({
    allowClear: true,
    placeholder,
    'aria-label': placeholder,
    style: { width },
    'data-testid': `payment-filter-${name}`,
  });

  return (
    <Form<SearchFields>
      form={form}
      layout="inline"
      initialValues={initialValues}
      onFinish={submit}
      style={{ rowGap: 12 }}
      data-testid="payment-search-form"
    >
      <Form.Item name="q">
        <Input {...filterProps('q', t('payments.filter.q'), 260)} />
      </Form.Item>
      <Form.Item name="status">
        <Select
          {...filterProps('status', t('payments.filter.status'), 130)}
          options={paymentStatuses.map((status) => ({
            value: status,
            label: paymentStatusLabel(status),
          }))}
        />
      </Form.Item>
      <Form.Item name="channel">
        <Select
          {...filterProps('channel', t('payments.filter.channel'), 130)}
          options={channels.map((channel) => ({ value: channel, label: channelLabel(channel) }))}
        />
      </Form.Item>
      {staff && (
        <Form.Item name="method">
          <Select
            {...filterProps('method', t('payments.filter.method'), 130)}
            options={paymentMethods.map((method) => ({
              value: method,
              label: methodLabel(method),
            }))}
          />
        </Form.Item>
      )}
      {staff && (
        <Form.Item name="merchantId">
          <Input {...filterProps('merchant', t('payments.filter.merchantId'), 200)} />
        </Form.Item>
      )}
      <Form.Item name="range">
        <DatePicker.RangePicker
          showTime={staff}
          allowEmpty={[true, true]}
          placeholder={[t('payments.filter.from'), t('payments.filter.to')]}
          data-testid="payment-filter-range"
        />
      </Form.Item>
      <SearchButtons
        testId="payment-search"
        onReset={() => {
          form.setFieldsValue({
            q: undefined,
            status: undefined,
            channel: undefined,
            method: undefined,
            merchantId: undefined,
            range: undefined,
          });
          onSearch({});
        }}
      />
    </Form>
  );
}
