import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { AuditVerification } from '../../app/api/types';
import { useShowError } from '../../app/api/use-show-error';

/**
 * Re-hashes the whole chain on the server. It reads every event, so it runs on demand and
 * not with each page load.
 */
export function VerifyChainButton() {
  const { t } = useTranslation();
  const showError = useShowError();
  const verify = useMutation({
    mutationFn: () => api.get<AuditVerification>('/audit-events/verification'),
    onError: (error) => showError(error),
  });
  const result = verify.data;

  return (
    <Flex vertical gap={12} align="flex-end">
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="audit-verify"
      >
        {t('audit.verifyChain')}
      </Button>
      {result && (
        <Alert
          showIcon
          closable={{ onClose: () => verify.reset() }}
          type={result.ok ? 'success' : 'error'}
          data-testid="audit-verify-result"
          title={
            result.ok
              ? t('audit.chainOk', { checked: result.checked })
              : t('audit.chainBroken', { checked: result.checked, id: result.firstBrokenId ?? '?' })
          }
        />
      )}
    </Flex>
  );
}
