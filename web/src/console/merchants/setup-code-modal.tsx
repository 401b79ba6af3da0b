import { Alert, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../shared/format-time';

/**
 * The owner's one-time setup code. The server keeps only its hash, so this is the only time
 * anyone sees it; the modal closes only by an explicit click.
 */
export function SetupCodeModal({
  merchantName,
  setupCode,
  expiresAt,
  onClose,
}: {
  merchantName: string;
  setupCode: string;
  expiresAt: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('merchants.setupCode.title')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('common.close')}
      okButtonProps={{ 'data-testid': 'setup-code-close' }}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      keyboard={false}
    >
      <Flex vertical gap={16}>
        <Alert
          type="warning"
          showIcon
          title={t('merchants.setupCode.hint', { name: merchantName })}
          description={t('merchants.setupCode.expires', { time: formatTime(expiresAt) })}
        />
        <Flex justify="center">
          <Typography.Text
            copyable={{ text: setupCode }}
            style={{
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
              fontSize: 28,
              letterSpacing: 6,
              padding: '8px 20px',
              background: '#fafafa',
              border: '1px solid #f0f0f0',
              borderRadius: 8,
            }}
          >
            <span data-testid="setup-code">{setupCode}</span>
          </Typography.Text>
        </Flex>
      </Flex>
    </Modal>
  );
}
