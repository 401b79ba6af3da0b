import { ArrowLeftOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../app/api/api-error';
import { QueryError } from '../../app/shell/query-error';

/** The texts' section: each has `back`, `notFound` and `notFoundHint`. */
type DetailTexts =
  | 'payments.detail'
  | 'merchants.detail'
  | 'settlement.runDetail'
  | 'reconciliation.importDetail';

/**
 * What every console detail page does around its record: a link back to where the user came
 * from, a skeleton while loading, a retry on an error, and a 404 page. Another branch's record
 * is a 404 too, so the page does not tell the two apart.
 */
export function DetailPageFrame<T>({
  query,
  texts,
  children,
}: {
  query: UseQueryResult<T>;
  texts: DetailTexts;
  children: (record: T, back: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      style={{ paddingInline: 0 }}
      onClick={() => void navigate(-1)}
    >
      {t(`${texts}.back`)}
    </Button>
  );

  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <Result
          status="404"
          title={t(`${texts}.notFound`)}
          subTitle={t(`${texts}.notFoundHint`)}
          extra={back}
        />
      );
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.isPending) return <Skeleton active />;
  return children(query.data, back);
}
