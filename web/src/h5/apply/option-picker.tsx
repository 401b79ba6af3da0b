import { CheckList, Popup, SearchBar } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PickerOption {
  value: string;
  label: string;
}

/**
 * A form control that shows the chosen label and opens a searchable list from the bottom of
 * the screen: lists of 15–20 entries are easier to tap through than to spin on a wheel.
 */
export function OptionPicker({
  value,
  onChange,
  options,
  title,
  placeholder,
  testId,
}: {
  value?: string;
  onChange?: (value: string) => void;
  options: PickerOption[];
  title: string;
  placeholder: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const chosen = options.find((option) => option.value === value);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    if (!needle) return options;
    return options.filter(
      (option) => option.label.toLowerCase().includes(needle) || option.value.includes(needle),
    );
  }, [options, search]);

  return (
    <>
      <button
        type="button"
        className="h5-picker-trigger"
        data-testid={testId}
        onClick={() => setOpen(true)}
        style={{ color: chosen ? '#333' : '#ccc' }}
      >
        {chosen ? chosen.label : placeholder}
      </button>
      <Popup
        visible={open}
        onMaskClick={() => setOpen(false)}
        onClose={() => setOpen(false)}
        bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '75vh' }}
        destroyOnClose
      >
        <div
          style={{ padding: '14px 16px 8px', fontSize: 16, fontWeight: 600, textAlign: 'center' }}
        >
          {title}
        </div>
        <div style={{ padding: '0 12px 8px' }}>
          <SearchBar placeholder={t('apply.picker.search')} value={search} onChange={setSearch} />
        </div>
        <div style={{ overflowY: 'auto', maxHeight: 'calc(75vh - 110px)' }}>
          {shown.length ? (
            <CheckList
              value={value ? [value] : []}
              onChange={(next) => {
                const picked = next[0];
                if (typeof picked === 'string') onChange?.(picked);
                setOpen(false);
                setSearch('');
              }}
            >
              {shown.map((option) => (
                <CheckList.Item
                  key={option.value}
                  value={option.value}
                  data-testid={`${testId}-option-${option.value}`}
                >
                  {option.label}
                </CheckList.Item>
              ))}
            </CheckList>
          ) : (
            <div style={{ padding: 24, textAlign: 'center', color: '#999' }}>
              {t('apply.picker.empty')}
            </div>
          )}
        </div>
      </Popup>
    </>
  );
}
