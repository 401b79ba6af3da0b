import { Select, TreeSelect } from 'antd';
import { type CSSProperties, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { optionLabel, useApplicationOptions } from '../../app/api/application-options';
import { merchantKinds, merchantStatuses, riskLevels } from '../../app/api/merchant-types';
import { buildOrgTree } from '../org/org-tree';
import { useOrgNodes } from '../org/use-org-nodes';
import { kindLabel, riskLabel, statusLabel } from './labels';

interface PickerProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  disabled?: boolean;
  'data-testid'?: string;
}

/** One of the code lists of /application-options, searchable by code or name. */
function CodeSelect({ list, ...props }: PickerProps & { list: 'mccs' | 'banks' }) {
  useTranslation();
  const options = useApplicationOptions();
  const codes = options.data?.[list];
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={options.isPending}
      options={(codes ?? []).map((entry) => ({
        value: entry.code,
        label: optionLabel(codes, entry.code, true),
      }))}
    />
  );
}

/** ISO 18245 categories. */
export const MccSelect = (props: PickerProps) => <CodeSelect {...props} list="mccs" />;
export const BankSelect = (props: PickerProps) => <CodeSelect {...props} list="banks" />;

const optionsOf = (codes: readonly string[], label: (code: string) => string) =>
  codes.map((code) => ({ value: code, label: label(code) }));

export function KindSelect(props: PickerProps) {
  useTranslation();
  return <Select {...props} options={optionsOf(merchantKinds, kindLabel)} />;
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
      options={optionsOf(merchantStatuses, statusLabel)}
    />
  );
}

export function RiskSelect(props: PickerProps) {
  useTranslation();
  return <Select {...props} options={optionsOf(riskLevels, riskLabel)} />;
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
