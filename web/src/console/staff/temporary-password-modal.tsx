import { Alert, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The server returns a temporary password once and stores only its hash, so this modal is
 * the only chance to read it; it closes only by an explicit click.
 */
export function TemporaryPasswordModal({
  name,
  password,
  onClose,
}: {
  name: string;
  password: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('staff.temporaryPasswordTitle')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('common.close')}
      okButtonProps={{ 'data-testid': 'temporary-password-close' }}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      keyboard={false}
    >
      <Flex vertical gap={16}>
        <Alert type="warning" showIcon title={t('staff.temporaryPasswordHint', { name })} />
        <Flex justify="center">
          <Typography.Text
            copyable={{ text: password }}
            style={{
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
              fontSize: 20,
              padding: '8px 16px',
              background: '#fafafa',
              border: '1px solid #f0f0f0',
              borderRadius: 8,
            }}
          >
            <span data-testid="temporary-password">{password}</span>
          </Typography.Text>
        </Flex>
      </Flex>
    </Modal>
  );
}
