import { Card, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Payment, PaymentFilters } from '../app/api/payment-types';
import { emptyLocale } from '../app/shell/query-table';
import { type PagedList, PagedTable } from '../console/shared/paged-table';
import { PaymentSearchForm } from './payment-search-form';

/**
 * The payment search over its table, the same for staff in the console and for a merchant in
 * the portal; each page brings its own columns and what a click on a row does.
 */
export function PaymentListCard({
  staff = false,
  filters,
  onSearch,
  list,
  rows,
  columns,
  scrollX,
  onRow,
}: {
  staff?: boolean;
  filters: PaymentFilters;
  onSearch: (filters: PaymentFilters) => void;
  list: PagedList<Payment>;
  /** The loaded rows as the page shows them, when it orders them itself. */
  rows?: Payment[];
  columns: ColumnsType<Payment>;
  /** The width the table scrolls at: the console's has more columns. */
  scrollX: number;
  onRow: TableProps<Payment>['onRow'];
}) {
  const { t } = useTranslation();
  return (
    <Card>
      <div style={{ marginBottom: 16 }}>
        <PaymentSearchForm staff={staff} filters={filters} onSearch={onSearch} />
      </div>
      <PagedTable<Payment>
        list={list}
        rows={rows}
        countText={(count) => t('payments.list.shown', { count })}
        loadMoreTestId="payment-load-more"
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: scrollX }}
        locale={emptyLocale(t('payments.list.empty'))}
        data-testid="payment-table"
        onRow={onRow}
      />
    </Card>
  );
}
