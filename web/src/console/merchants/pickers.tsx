import { Select, TreeSelect } from 'antd';
import { type CSSProperties, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildOrgTree } from '../org/org-tree';
import { useOrgNodes } from '../org/use-org-nodes';
import { kindLabel, riskLabel, statusLabel } from './labels';
import { optionLabel, useApplicationOptions } from './merchant-api';
import { merchantKinds, merchantStatuses, riskLevels } from './types';

interface PickerProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  disabled?: boolean;
  'data-testid'?: string;
}

/** ISO 18245 categories from /application-options, searchable by code or name. */
export function MccSelect(props: PickerProps) {
  useTranslation();
  const options = useApplicationOptions();
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={options.isPending}
      options={(options.data?.mccs ?? []).map((mcc) => ({
        value: mcc.code,
        label: optionLabel(options.data?.mccs, mcc.code, true),
      }))}
    />
  );
}

export function BankSelect(props: PickerProps) {
  useTranslation();
  const options = useApplicationOptions();
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={options.isPending}
      options={(options.data?.banks ?? []).map((bank) => ({
        value: bank.code,
        label: optionLabel(options.data?.banks, bank.code, true),
      }))}
    />
  );
}

export function KindSelect(props: PickerProps) {
  useTranslation();
  return (
    <Select
      {...props}
      options={merchantKinds.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
    />
  );
}

export function StatusSelect(
  props: Omit<PickerProps, 'value' | 'onChange'> & {
    value?: string[];
    onChange?: (value: string[]) => void;
  },
) {
  useTranslation();
  return (
    <Select
      {...props}
      mode="multiple"
      maxTagCount="responsive"
      options={merchantStatuses.map((status) => ({ value: status, label: statusLabel(status) }))}
    />
  );
}

export function RiskSelect(props: PickerProps) {
  useTranslation();
  return (
    <Select
      {...props}
      options={riskLevels.map((risk) => ({ value: risk, label: riskLabel(risk) }))}
    />
  );
}

/** The caller's scope as a tree; choosing a node means "this node and everything under it". */
export function OrgNodeTreeSelect(props: PickerProps) {
  const nodes = useOrgNodes();
  const tree = useMemo(() => buildOrgTree(nodes.data ?? []), [nodes.data]);
  return (
    <TreeSelect
      {...props}
      treeData={tree}
      treeDefaultExpandAll
      loading={nodes.isPending}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
    />
  );
}
