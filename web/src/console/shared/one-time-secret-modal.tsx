import { Alert, Flex, Modal, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

const secretStyle: CSSProperties = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontSize: 20,
  padding: '8px 16px',
  background: '#fafafa',
  border: '1px solid #f0f0f0',
  borderRadius: 8,
};

/**
 * A secret the server returns once and stores only as a hash (a temporary password, a setup
 * code): this modal is the only chance to read it, so it closes only by an explicit click.
 * The secret is tested by `testId`, the close button by `${testId}-close`.
 */
export function OneTimeSecretModal({
  title,
  hint,
  description,
  secret,
  secretLook,
  testId,
  onClose,
}: {
  title: string;
  hint: string;
  description?: string;
  secret: string;
  /** Instead of the usual size and spacing of the secret. */
  secretLook?: CSSProperties;
  testId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      onOk={onClose}
      onCancel={onClose}
      okText={t('common.close')}
      okButtonProps={{ 'data-testid': `${testId}-close` }}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      keyboard={false}
    >
      <Flex vertical gap={16}>
        <Alert type="warning" showIcon title={hint} description={description} />
        <Flex justify="center">
          <Typography.Text copyable={{ text: secret }} style={{ ...secretStyle, ...secretLook }}>
            <span data-testid={testId}>{secret}</span>
          </Typography.Text>
        </Flex>
      </Flex>
    </Modal>
  );
}
