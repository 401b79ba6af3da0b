import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { auditActionLabel, targetTypeLabel } from '../../app/i18n/labels';
import { SearchButtons } from '../shared/search-buttons';
import { knownAuditActions, knownTargetTypes } from './audit-actions';
import type { AuditFilters } from './use-audit-events';

interface SearchFields {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function trimmed(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

export function AuditSearchForm({ onSearch }: { onSearch: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SearchFields>();

  const submit = (fields: SearchFields) =>
    onSearch({
      actor: trimmed(fields.actor),
      action: fields.action,
      targetType: fields.targetType,
      targetId: trimmed(fields.targetId),
      // The API takes instants; the picker works in the browser's zone and says which.
      from: fields.range?.[0]?.toISOString(),
      to: fields.range?.[1]?.toISOString(),
    });

  return (
    <Form<SearchFields> form={form} layout="inline" onFinish={submit} style={{ rowGap: 12 }}>
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input
          placeholder={t('audit.actorPlaceholder')}
          allowClear
          style={{ width: 140 }}
          data-testid="audit-filter-actor"
        />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 190 }}
          data-testid="audit-filter-action"
          options={knownAuditActions.map((action) => ({
            value: action,
            label: auditActionLabel(action),
          }))}
        />
      </Form.Item>
      <Form.Item name="targetType" label={t('audit.targetType')}>
        <Select
          allowClear
          style={{ width: 120 }}
          options={knownTargetTypes.map((type) => ({ value: type, label: targetTypeLabel(type) }))}
        />
      </Form.Item>
      <Form.Item name="targetId" label={t('audit.targetId')}>
        <Input allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.timeRange')}>
        <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
      </Form.Item>
      <SearchButtons
        testId="audit-search"
        onReset={() => {
          form.resetFields();
          onSearch({});
        }}
      />
    </Form>
  );
}
