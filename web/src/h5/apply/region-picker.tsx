import { useQuery } from '@tanstack/react-query';
import { DotLoading, List, Popup } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../app/api/types';
import { applicantApi } from './applicant-api';

/**
 * Province → city → county, one level at a time from GET /regions (the GB/T 2260 table is
 * thousands of rows; a person only ever opens one branch of it). The value is the county
 * code; the label shown is the chosen path.
 */
export function RegionPicker({
  value,
  onChange,
  initialLabel,
  placeholder,
}: {
  value?: string;
  onChange?: (value: string) => void;
  initialLabel?: string | null;
  placeholder: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState<Region[]>([]);
  const [label, setLabel] = useState<string | null>(initialLabel ?? null);
  const parent = path[path.length - 1]?.code;
  const level = useQuery({
    queryKey: ['regions', parent ?? ''],
    queryFn: () => applicantApi.regions(parent),
    enabled: open,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const choose = (region: Region) => {
    if (region.hasChildren) {
      setPath([...path, region]);
      return;
    }
    setLabel([...path, region].map((item) => item.name).join(' '));
    onChange?.(region.code);
    setOpen(false);
  };

  const levelTitle = [
    t('apply.picker.chooseProvince'),
    t('apply.picker.chooseCity'),
    t('apply.picker.chooseCounty'),
  ][Math.min(path.length, 2)];

  return (
    <>
      <button
        type="button"
        className="h5-picker-trigger"
        data-testid="region-picker"
        onClick={() => {
          setPath([]);
          setOpen(true);
        }}
        style={{ color: value && label ? '#333' : '#ccc' }}
      >
        {value && label ? label : placeholder}
      </button>
      <Popup
        visible={open}
        onMaskClick={() => setOpen(false)}
        onClose={() => setOpen(false)}
        bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, height: '70vh' }}
      >
        <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
          <div
            style={{ padding: '14px 16px 4px', fontSize: 16, fontWeight: 600, textAlign: 'center' }}
          >
            {t('apply.picker.regionTitle')}
          </div>
          <div
            style={{
              display: 'flex',
              flexWrap: 'wrap',
              alignItems: 'center',
              gap: 6,
              padding: '6px 16px 10px',
              borderBottom: '1px solid #f0f0f0',
              fontSize: 14,
            }}
          >
            {path.map((region, index) => (
              <button
                key={region.code}
                type="button"
                className="h5-crumb"
                onClick={() => setPath(path.slice(0, index))}
              >
                {region.name} ›
              </button>
            ))}
            <span style={{ color: '#1677ff' }}>{levelTitle}</span>
          </div>
          <div style={{ flex: 1, overflowY: 'auto' }} data-testid="region-options">
            {level.isPending ? (
              <div style={{ padding: 24, textAlign: 'center' }}>
                <DotLoading color="primary" />
              </div>
            ) : (
              <List>
                {(level.data ?? []).map((region) => (
                  <List.Item
                    key={region.code}
                    arrow={region.hasChildren}
                    onClick={() => choose(region)}
                    data-testid={`region-option-${region.code}`}
                  >
                    {region.name}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        </div>
      </Popup>
    </>
  );
}
