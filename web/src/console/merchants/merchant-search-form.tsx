import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionCascader } from '../org/region-cascader';
import { SearchButtons } from '../shared/search-buttons';
import type { MerchantFilters } from './merchant-api';
import { KindSelect, MccSelect, OrgNodeTreeSelect, RiskSelect, StatusSelect } from './pickers';

/** What the form holds; the region is the cascader's path, the API wants its prefix. */
export interface MerchantSearchFields {
  q?: string;
  orgNodeId?: string;
  regionPath?: string[];
  mcc?: string;
  kind?: string;
  status?: string[];
  riskLevel?: string;
}

/** 370000 → 37, 370200 → 3702, 370202 → 370202: the API filters by code prefix. */
export function regionPrefix(path: readonly string[] | undefined): string | undefined {
  const code = path?.[path.length - 1];
  if (!code) return undefined;
  const length = Math.min(path.length * 2, 6);
  return code.slice(0, length);
}

export function toFilters(fields: MerchantSearchFields): MerchantFilters {
  return {
    q: fields.q?.trim() || undefined,
    orgNodeId: fields.orgNodeId || undefined,
    regionCode: regionPrefix(fields.regionPath),
    mcc: fields.mcc || undefined,
    kind: fields.kind || undefined,
    status: fields.status?.length ? fields.status.join(',') : undefined,
    riskLevel: fields.riskLevel || undefined,
  };
}

export function MerchantSearchForm({
  initialValues,
  onSearch,
}: {
  initialValues: MerchantSearchFields;
  onSearch: (fields: MerchantSearchFields) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MerchantSearchFields>();
  const filter = (placeholder: string, width: number, testId: string) => ({
    allowClear: true,
    placeholder,
    style: { width },
    'data-testid': `merchant-filter-${testId}`,
  });

  return (
    <Form<MerchantSearchFields>
      form={form}
      layout="inline"
      initialValues={initialValues}
      onFinish={onSearch}
      style={{ rowGap: 12 }}
      data-testid="merchant-search-form"
    >
      <Form.Item name="q">
        <Input {...filter(t('merchants.list.searchPlaceholder'), 220, 'q')} />
      </Form.Item>
      <Form.Item name="orgNodeId">
        <OrgNodeTreeSelect {...filter(t('merchants.list.filterBranch'), 200, 'branch')} />
      </Form.Item>
      <Form.Item name="regionPath">
        <RegionPathField />
      </Form.Item>
      <Form.Item name="mcc">
        <MccSelect {...filter(t('merchants.list.filterMcc'), 200, 'mcc')} />
      </Form.Item>
      <Form.Item name="kind">
        <KindSelect {...filter(t('merchants.list.filterKind'), 150, 'kind')} />
      </Form.Item>
      <Form.Item name="status">
        <StatusSelect {...filter(t('merchants.list.filterStatus'), 200, 'status')} />
      </Form.Item>
      <Form.Item name="riskLevel">
        <RiskSelect {...filter(t('merchants.list.filterRisk'), 120, 'risk')} />
      </Form.Item>
      <SearchButtons
        testId="merchant-search"
        onReset={() => {
          form.setFieldsValue({
            q: undefined,
            orgNodeId: undefined,
            regionPath: undefined,
            mcc: undefined,
            kind: undefined,
            status: undefined,
            riskLevel: undefined,
          });
          onSearch({});
        }}
      />
    </Form>
  );
}

/** The cascader takes no style; the wrapper gives it the width of its neighbours. */
function RegionPathField({
  value,
  onChange,
}: {
  value?: string[];
  onChange?: (value: string[] | undefined) => void;
}) {
  return (
    <div style={{ width: 220 }}>
      <RegionCascader
        value={value}
        onChange={(path) => onChange?.(path.length ? path : undefined)}
      />
    </div>
  );
}
