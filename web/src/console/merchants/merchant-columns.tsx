import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Merchant } from '../../app/api/merchant-types';
import { kindLabel } from './labels';

/**
 * The columns the merchant list and the review queue both show. Each row's link to the
 * merchant is tested by `${linkTestId}-${id}`.
 */
export function useMerchantColumns(linkTestId: string) {
  const { t } = useTranslation();
  const name: ColumnType<Merchant> = {
    title: t('merchants.field.shortName'),
    dataIndex: 'shortName',
    width: 160,
    fixed: 'left',
    render: (shortName: string | null, merchant) => (
      <Link to={`/console/merchants/${merchant.id}`} data-testid={`${linkTestId}-${merchant.id}`}>
        {shortName ?? t('merchants.unnamed')}
      </Link>
    ),
  };
  const kind: ColumnType<Merchant> = {
    title: t('merchants.field.kind'),
    dataIndex: 'kind',
    width: 110,
    render: (code: string) => kindLabel(code),
  };
  const orgNode: ColumnType<Merchant> = {
    title: t('merchants.field.orgNode'),
    key: 'orgNode',
    width: 140,
    render: (_value, merchant) => merchant.orgNode.name || '—',
  };
  const region = (width: number): ColumnType<Merchant> => ({
    title: t('merchants.field.region'),
    dataIndex: 'regionName',
    width,
    render: (regionName: string | null) => regionName ?? '—',
  });
  return { name, kind, orgNode, region };
}
