import { Button, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { continueLink } from './applicant-token';

/** The link that brings the applicant back to this application from any phone. */
export function ContinueLink({
  applicationId,
  token,
  compact = false,
}: {
  applicationId: string;
  token: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const link = continueLink(applicationId, token);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      Toast.show({ icon: 'success', content: t('apply.continueLink.copied') });
    } catch {
      // Clipboard access needs a secure context; the link stays on screen to copy by hand.
    }
  };
  return (
    <div
      className="h5-section"
      data-testid="continue-link"
      style={compact ? { fontSize: 13 } : undefined}
    >
      <div
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}
      >
        <span style={{ fontWeight: 600, fontSize: compact ? 14 : 16 }}>
          {t('apply.continueLink.title')}
        </span>
        <Button size="mini" color="primary" fill="outline" onClick={() => void copy()}>
          {t('apply.continueLink.copy')}
        </Button>
      </div>
      <div style={{ color: '#999', fontSize: 12, margin: '6px 0', lineHeight: 1.5 }}>
        {t('apply.continueLink.hint')}
      </div>
      <a
        href={link}
        data-testid="continue-link-url"
        style={{ wordBreak: 'break-all', fontSize: 12, color: '#1677ff' }}
      >
        {link}
      </a>
    </div>
  );
}
