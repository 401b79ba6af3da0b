import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { channelLabel } from '../../payments/labels';
import { DetailPageFrame } from '../shared/detail-page-frame';
import { formatTime } from '../shared/format-time';
import { BreakTable } from './break-table';
import { ImportTotalsTable } from './import-totals-table';
import { useStatementImport } from './recon-api';
import { ImportStatusTag, importSourceLabel } from './recon-labels';
import type { StatementImportDetail } from './recon-types';
import { importDetailPath } from './statement-import-modal';

/** One reconciled statement: its totals beside ours, and the workbench of its breaks. */
export function ImportDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const statementImport = useStatementImport(id);
  return (
    <DetailPageFrame query={statementImport} texts="reconciliation.importDetail">
      {(record, back) => (
        <Flex vertical gap={16}>
          <div>{back}</div>
          <ImportSummary statementImport={record} />
          <Card title={t('reconciliation.breaks.title')}>
            <BreakTable statementImport={record} />
          </Card>
        </Flex>
      )}
    </DetailPageFrame>
  );
}

function ImportSummary({ statementImport }: { statementImport: StatementImportDetail }) {
  const { t } = useTranslation();
  return (
    <Card
      title={
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="import-title">
            {t('reconciliation.importDetail.title', {
              channel: channelLabel(statementImport.channel),
              date: statementImport.statementDate,
            })}
          </Typography.Title>
          <ImportStatusTag status={statementImport.status} />
        </Space>
      }
    >
      <Flex vertical gap={16}>
        {statementImport.supersededById && (
          <Alert
            type="warning"
            showIcon
            title={t('reconciliation.importDetail.superseded')}
            action={
              <Link to={importDetailPath(statementImport.supersededById)}>
                <Button size="small">{t('reconciliation.importDetail.viewNewer')}</Button>
              </Link>
            }
          />
        )}
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={10}>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'source',
                  label: t('reconciliation.imports.source'),
                  children: importSourceLabel(statementImport.source),
                },
                {
                  key: 'lines',
                  label: t('reconciliation.imports.lines'),
                  children: statementImport.lineCount,
                },
                {
                  key: 'breaks',
                  label: t('reconciliation.imports.breaks'),
                  children: (
                    <span data-testid="import-break-count">{statementImport.breakCount}</span>
                  ),
                },
                {
                  key: 'file',
                  label: t('reconciliation.importDetail.file'),
                  children: (
                    <Typography.Text style={{ fontSize: 12 }}>
                      {t('reconciliation.importDetail.fileBytes', {
                        size: statementImport.fileBytes.toLocaleString('en-US'),
                      })}{' '}
                      · SHA-256{' '}
                      <Typography.Text code copyable={{ text: statementImport.fileSha256 }}>
                        {statementImport.fileSha256.slice(0, 12)}…
                      </Typography.Text>
                    </Typography.Text>
                  ),
                },
                {
                  key: 'importedAt',
                  label: t('reconciliation.imports.importedAt'),
                  children: formatTime(statementImport.createdAt),
                },
              ]}
            />
          </Col>
          <Col xs={24} xl={14}>
            <ImportTotalsTable statementImport={statementImport} />
          </Col>
        </Row>
      </Flex>
    </Card>
  );
}
