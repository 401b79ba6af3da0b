import { Alert, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../app/shell/page-loading';
import { QueryError } from '../../app/shell/query-error';
import { useStoreCodes } from '../../payments/payment-api';
import { StoreCodeCard } from './store-code-card';

/** Each store's code for customers to scan, with its files for printing. */
export function StoreCodesPage() {
  const { t } = useTranslation();
  const codes = useStoreCodes();

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('payments.storeCodes.title')}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title={t('payments.storeCodes.hint')}
        style={{ marginBottom: 16 }}
      />
      {codes.isPending && <PageLoading />}
      {codes.isError && <QueryError error={codes.error} onRetry={() => void codes.refetch()} />}
      {codes.data?.length === 0 && <Empty description={t('payments.storeCodes.empty')} />}
      <Flex vertical gap={16}>
        {codes.data?.map((storeCode) => (
          <StoreCodeCard key={storeCode.storeId} storeCode={storeCode} />
        ))}
      </Flex>
    </>
  );
}
