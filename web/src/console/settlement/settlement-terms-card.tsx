import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { QueryError } from '../../app/shell/query-error';
import { cycleLabel } from '../../settlement/labels';
import { useSettlementTerms } from '../../settlement/settlement-api';
import { formatBasisPoints } from '../merchants/labels';
import { formatTime } from '../shared/format-time';
import { SettlementTermsModal } from './settlement-terms-modal';

/** A merchant's settlement cycle on its detail page; staff with settlement:run change it. */
export function SettlementTermsCard({ merchantId }: { merchantId: string }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const terms = useSettlementTerms(merchantId);
  const [editing, setEditing] = useState(false);

  return (
    <Card
      size="small"
      title={t('settlement.terms.title')}
      loading={terms.isPending}
      data-testid="settlement-terms"
      extra={
        hasPermission(me, 'settlement:run') &&
        terms.data && (
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="settlement-terms-edit"
          >
            {t('settlement.terms.edit')}
          </Button>
        )
      }
    >
      {terms.isError && <QueryError error={terms.error} onRetry={() => void terms.refetch()} />}
      {terms.data && (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'cycle',
              label: t('settlement.field.cycle'),
              children: (
                <span title={t(`settlement.cycleHint.${terms.data.cycle}`)}>
                  <Tag color="blue" data-testid="settlement-terms-value">
                    {cycleLabel(terms.data.cycle)}
                  </Tag>
                  {t(`settlement.cycleHint.${terms.data.cycle}`)}
                </span>
              ),
            },
            ...(terms.data.cycle === 'd0'
              ? [
                  {
                    key: 'premium',
                    label: t('settlement.terms.premium'),
                    children: `${formatBasisPoints(terms.data.d0PremiumBp)}（${terms.data.d0PremiumBp} bp）`,
                  },
                ]
              : []),
            {
              key: 'updatedAt',
              label: t('settlement.terms.updatedAt'),
              children: terms.data.updatedAt
                ? formatTime(terms.data.updatedAt)
                : t('settlement.terms.never'),
            },
          ]}
        />
      )}
      {editing && terms.data && (
        <SettlementTermsModal terms={terms.data} onClose={() => setEditing(false)} />
      )}
    </Card>
  );
}
