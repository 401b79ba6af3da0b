import { Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Journal, JournalEntry } from '../../app/api/payment-types';
import { formatCny } from '../../app/money';
import { QueryError } from '../../app/shell/query-error';
import { DetailSection } from '../../payments/detail-section';
import { accountKindLabel } from '../../payments/labels';
import { usePaymentJournals } from '../../payments/payment-api';
import { formatTime } from '../shared/format-time';

type KeyedEntry = JournalEntry & { key: number };

/** Entries are signed (debit positive); the sides are summed apart, in fen. */
function sideTotals(entries: readonly JournalEntry[]) {
  let debitFen = 0;
  let creditFen = 0;
  for (const entry of entries) {
    if (entry.amountFen >= 0) debitFen += entry.amountFen;
    else creditFen -= entry.amountFen;
  }
  return { debitFen, creditFen, balanced: debitFen === creditFen };
}

function BalanceTag({ balanced }: { balanced: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={balanced ? 'green' : 'red'} data-balanced={balanced}>
      {balanced ? t('payments.journal.balanced') : t('payments.journal.unbalanced')}
    </Tag>
  );
}

/**
 * The payment's journal and its refunds' journals, each a balanced set of entries: the bank
 * reads here how the money moved between the channel, the merchant and fee revenue.
 */
export function JournalSection({ paymentId }: { paymentId: string }) {
  const { t } = useTranslation();
  const journals = usePaymentJournals(paymentId);
  const all = journals.data ?? [];
  const overall = sideTotals(all.flatMap((journal) => journal.entries));

  const columns: ColumnsType<KeyedEntry> = [
    {
      title: t('payments.journal.account'),
      dataIndex: 'accountCode',
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('payments.journal.accountKind'),
      dataIndex: 'accountKind',
      width: 140,
      render: (kind: string) => accountKindLabel(kind),
    },
    {
      title: t('payments.journal.debit'),
      key: 'debit',
      align: 'right',
      width: 130,
      render: (_value, entry) => (entry.amountFen >= 0 ? formatCny(entry.amountFen) : ''),
    },
    {
      title: t('payments.journal.credit'),
      key: 'credit',
      align: 'right',
      width: 130,
      render: (_value, entry) => (entry.amountFen < 0 ? formatCny(-entry.amountFen) : ''),
    },
  ];

  const journalTable = (journal: Journal) => {
    const totals = sideTotals(journal.entries);
    return (
      <div key={journal.id} data-testid={`journal-${journal.id}`}>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
          <Typography.Text strong>{journal.description}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('payments.journal.postedAt')} {formatTime(journal.postedAt)}
          </Typography.Text>
        </Flex>
        <Table<KeyedEntry>
          size="small"
          bordered
          pagination={false}
          rowKey="key"
          columns={columns}
          // An account can appear twice in one journal; the position tells the lines apart.
          dataSource={journal.entries.map((entry, index) => ({ ...entry, key: index }))}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <Flex gap={8} align="center">
                  <Typography.Text strong>{t('payments.journal.total')}</Typography.Text>
                  <BalanceTag balanced={totals.balanced} />
                </Flex>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Typography.Text strong data-testid="journal-debit-total">
                  {formatCny(totals.debitFen)}
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Typography.Text strong data-testid="journal-credit-total">
                  {formatCny(totals.creditFen)}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </div>
    );
  };

  return (
    <DetailSection
      id="payment-journal-title"
      title={t('payments.journal.title')}
      extra={
        all.length > 0 && (
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">
              {t('payments.journal.debit')} {formatCny(overall.debitFen)} ·{' '}
              {t('payments.journal.credit')} {formatCny(overall.creditFen)}
            </Typography.Text>
            <BalanceTag balanced={overall.balanced} />
          </Flex>
        )
      }
    >
      {journals.isError && (
        <QueryError error={journals.error} onRetry={() => void journals.refetch()} />
      )}
      {journals.isPending && <Skeleton active />}
      {journals.isSuccess && all.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payments.journal.empty')} />
      )}
      <Flex vertical gap={16}>
        {all.map(journalTable)}
      </Flex>
    </DetailSection>
  );
}
