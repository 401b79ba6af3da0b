import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../app/shell/download-button';
import { statementPath } from '../../settlement/settlement-api';

const formats = ['xlsx', 'csv'] as const;

/**
 * The daily statement of one settlement, as Excel or CSV: the file is built by the server in the
 * UI's language. Tested by `statement-${format}-${date}`.
 */
export function StatementDownloads({ date }: { date: string }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      {formats.map((format) => (
        <DownloadButton
          key={format}
          size="small"
          path={statementPath(date)}
          query={{ format }}
          fallbackName={`statement-${date}.${format}`}
          data-testid={`statement-${format}-${date}`}
        >
          {format === 'xlsx'
            ? t('settlement.portal.downloadXlsx')
            : t('settlement.portal.downloadCsv')}
        </DownloadButton>
      ))}
    </Space>
  );
}
