import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown once right after enrollment: the server keeps only hashes of these codes. */
export function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Flex vertical gap={16}>
      <Alert type="warning" showIcon title={t('auth.recoveryCodesHint')} />
      <ol
        data-testid="recovery-codes"
        style={{
          display: 'grid',
          gridTemplateColumns: '1fr 1fr',
          gap: '8px 24px',
          margin: 0,
          padding: '16px 16px 16px 40px',
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          borderRadius: 8,
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          fontSize: 15,
        }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Button
        icon={<CopyOutlined />}
        onClick={() =>
          void navigator.clipboard
            .writeText(codes.join('\n'))
            .then(() => message.success(t('common.copied')))
        }
      >
        {t('auth.copyAll')}
      </Button>
      <Button type="primary" size="large" onClick={onSaved} data-testid="recovery-codes-saved">
        {t('auth.recoveryCodesSaved')}
      </Button>
    </Flex>
  );
}
