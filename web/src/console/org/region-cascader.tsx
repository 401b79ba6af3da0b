import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { Region } from '../../app/api/types';

interface RegionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: RegionOption[];
}

async function fetchRegions(parent?: string): Promise<Region[]> {
  const reply = await api.get<{ data: Region[] } | Region[]>('/regions', { parent });
  return Array.isArray(reply) ? reply : reply.data;
}

function toOptions(regions: Region[]): RegionOption[] {
  return regions.map((region) => ({
    value: region.code,
    label: region.name,
    isLeaf: !region.hasChildren,
  }));
}

/**
 * Loads one level at a time: the full division table is thousands of rows and a user only
 * ever opens one province. The value is the chosen path of codes; the last one is sent.
 */
export function RegionCascader({
  value,
  onChange,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<RegionOption[]>([]);

  useEffect(() => {
    let cancelled = false;
    void fetchRegions().then((regions) => {
      if (!cancelled) setOptions(toOptions(regions));
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const loadData = async (selected: RegionOption[]) => {
    const target = selected[selected.length - 1];
    if (!target) return;
    const children = await fetchRegions(target.value);
    // A city without counties (东莞, 中山) is itself the most precise choice.
    if (!children.length) target.isLeaf = true;
    else target.children = toOptions(children);
    setOptions((current) => [...current]);
  };

  return (
    <Cascader<RegionOption>
      data-testid="region-cascader"
      options={options}
      loadData={loadData}
      value={value}
      onChange={(next) => onChange?.((next as string[] | undefined) ?? [])}
      changeOnSelect
      showSearch={false}
      placeholder={t('org.regionPlaceholder')}
    />
  );
}
