import { Empty, Table, type TableProps } from 'antd';
import { QueryError } from './query-error';

/** What the table needs of the query that loads its rows. */
export interface TableQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * A table of the rows a query loaded, spinning while it loads; a failed load shows its error
 * with a retry in the table's place. Unpaged unless `pagination` says otherwise.
 */
export function QueryTable<T extends object>({
  query,
  ...table
}: Omit<TableProps<T>, 'loading'> & { query: TableQuery }) {
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <Table<T> pagination={false} {...table} loading={query.isPending} />;
}

/** An empty table's small placeholder with a line saying what would be listed. */
export function emptyLocale(description: string): TableProps['locale'] {
  return {
    emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} />,
  };
}
