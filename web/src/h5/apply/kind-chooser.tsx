import { Button, CheckList } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MerchantKind, merchantKinds } from '../../app/api/merchant-types';

/** The first screen of a new application: who is applying decides which fields follow. */
export function KindChooser({ onChosen }: { onChosen: (kind: MerchantKind) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<MerchantKind>();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1 }}>
      <div
        style={{
          margin: 12,
          padding: '20px 18px',
          borderRadius: 12,
          color: '#fff',
          background: 'linear-gradient(135deg, #1677ff 0%, #3c9bff 100%)',
        }}
      >
        <div style={{ fontSize: 13, opacity: 0.85 }}>{t('apply.bankName')}</div>
        <div style={{ fontSize: 22, fontWeight: 600, margin: '6px 0 8px' }}>{t('apply.title')}</div>
        <div style={{ fontSize: 14, lineHeight: 1.6, opacity: 0.95 }}>{t('apply.intro')}</div>
      </div>
      <div style={{ padding: '8px 16px', color: '#333', fontWeight: 600 }}>
        {t('apply.chooseKind')}
      </div>
      <CheckList
        mode="card"
        value={kind ? [kind] : []}
        onChange={(value) => setKind(value[0] as MerchantKind | undefined)}
        data-testid="kind-list"
      >
        {merchantKinds.map((code) => (
          <CheckList.Item
            key={code}
            value={code}
            description={t(`apply.kindHints.${code}`)}
            data-testid={`kind-${code}`}
          >
            {t(`apply.kinds.${code}`)}
          </CheckList.Item>
        ))}
      </CheckList>
      <div style={{ flex: 1 }} />
      <div className="h5-footer">
        <Button
          block
          color="primary"
          size="large"
          disabled={!kind}
          onClick={() => kind && onChosen(kind)}
          data-testid="kind-start"
        >
          {t('apply.start')}
        </Button>
      </div>
    </div>
  );
}
