import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  type PayoutFilters,
  type PayoutPurpose,
  type PayoutStatus,
  payoutPurposes,
  payoutStatuses,
} from '../../app/api/settlement-types';
import { payoutPurposeLabel, payoutStatusLabel } from '../../settlement/labels';
import { SearchButtons } from '../shared/search-buttons';

interface SearchFields {
  status?: PayoutStatus;
  purpose?: PayoutPurpose;
  settlementDate?: Dayjs | null;
  merchantId?: string;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** The filters live in the URL, so a run's "failed payouts" link opens the list filtered. */
export function payoutFiltersFromParams(params: URLSearchParams): PayoutFilters {
  return {
    status: oneOf(payoutStatuses, params.get('status')),
    purpose: oneOf(payoutPurposes, params.get('purpose')),
    settlementDate: params.get('settlementDate') || undefined,
    merchantId: params.get('merchantId') || undefined,
  };
}

export function paramsFromPayoutFilters(filters: PayoutFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

/** Status, purpose, settlement date and merchant; fields are tested by `payout-filter-${name}`. */
export function PayoutSearchForm({
  filters,
  onSearch,
}: {
  filters: PayoutFilters;
  onSearch: (filters: PayoutFilters) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SearchFields>();
  const filterProps = (name: string, placeholder: string, width: number) => ({
    allowClear: true,
    placeholder,
    'aria-label': placeholder,
    style: { width },
    'data-testid': `payout-filter-${name}`,
  });

  return (
    <Form<SearchFields>
      form={form}
      layout="inline"
      style={{ rowGap: 12 }}
      initialValues={{
        ...filters,
        settlementDate: filters.settlementDate ? dayjs(filters.settlementDate) : undefined,
      }}
      onFinish={(fields) =>
        onSearch({
          status: fields.status,
          purpose: fields.purpose,
          settlementDate: fields.settlementDate?.format('YYYY-MM-DD'),
          merchantId: fields.merchantId?.trim() || undefined,
        })
      }
    >
      <Form.Item name="status">
        <Select
          {...filterProps('status', t('settlement.payouts.filterStatus'), 130)}
          options={payoutStatuses.map((status) => ({
            value: status,
            label: payoutStatusLabel(status),
          }))}
        />
      </Form.Item>
      <Form.Item name="purpose">
        <Select
          {...filterProps('purpose', t('settlement.payouts.filterPurpose'), 130)}
          options={payoutPurposes.map((purpose) => ({
            value: purpose,
            label: payoutPurposeLabel(purpose),
          }))}
        />
      </Form.Item>
      <Form.Item name="settlementDate">
        <DatePicker {...filterProps('date', t('settlement.payouts.filterDate'), 150)} />
      </Form.Item>
      <Form.Item name="merchantId">
        <Input {...filterProps('merchant', t('settlement.payouts.filterMerchant'), 200)} />
      </Form.Item>
      <SearchButtons
        testId="payout-search"
        onReset={() => {
          form.setFieldsValue({
            status: undefined,
            purpose: undefined,
            settlementDate: undefined,
            merchantId: undefined,
          });
          onSearch({});
        }}
      />
    </Form>
  );
}
