import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionCascader } from '../org/region-cascader';
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
        <Input
          allowClear
          placeholder={t('merchants.list.searchPlaceholder')}
          style={{ width: 220 }}
          data-testid="merchant-filter-q"
        />
      </Form.Item>
      <Form.Item name="orgNodeId">
        <OrgNodeTreeSelect
          allowClear
          placeholder={t('merchants.list.filterBranch')}
          style={{ width: 200 }}
          data-testid="merchant-filter-branch"
        />
      </Form.Item>
      <Form.Item name="regionPath">
        <RegionPathField />
      </Form.Item>
      <Form.Item name="mcc">
        <MccSelect
          allowClear
          placeholder={t('merchants.list.filterMcc')}
          style={{ width: 200 }}
          data-testid="merchant-filter-mcc"
        />
      </Form.Item>
      <Form.Item name="kind">
        <KindSelect
          allowClear
          placeholder={t('merchants.list.filterKind')}
          style={{ width: 150 }}
          data-testid="merchant-filter-kind"
        />
      </Form.Item>
      <Form.Item name="status">
        <StatusSelect
          allowClear
          placeholder={t('merchants.list.filterStatus')}
          style={{ width: 200 }}
          data-testid="merchant-filter-status"
        />
      </Form.Item>
      <Form.Item name="riskLevel">
        <RiskSelect
          allowClear
          placeholder={t('merchants.list.filterRisk')}
          style={{ width: 120 }}
          data-testid="merchant-filter-risk"
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="merchant-search">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
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
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
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
