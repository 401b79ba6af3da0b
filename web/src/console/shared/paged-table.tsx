import { Button, Flex, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/shell/query-error';

/** What the table needs of a list loaded a page at a time (useCursorList). */
export interface PagedList<T> {
  data: { pages: { data: T[] }[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

/**
 * A console list: the rows loaded so far and a "load more" button while there are more, or
 * the load's error with a retry. With `countText`, the count of rows shown stands beside the
 * button, and "no more" replaces it at the end.
 */
export function PagedTable<T extends object>({
  list,
  rows,
  countText,
  loadMoreTestId,
  ...table
}: Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> & {
  list: PagedList<T>;
  /** The loaded rows as the page shows them, when it filters or sorts them itself. */
  rows?: T[];
  countText?: (count: number) => string;
  loadMoreTestId?: string;
}) {
  const { t } = useTranslation();
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;

  const shown = rows ?? list.data?.pages.flatMap((page) => page.data) ?? [];
  const loadMore = (
    <Button
      onClick={() => void list.fetchNextPage()}
      loading={list.isFetchingNextPage}
      data-testid={loadMoreTestId}
    >
      {t('common.loadMore')}
    </Button>
  );
  return (
    <>
      <Table<T> {...table} dataSource={shown} loading={list.isPending} pagination={false} />
      {countText ? (
        <Flex justify="center" align="center" gap={16} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{countText(shown.length)}</Typography.Text>
          {list.hasNextPage
            ? loadMore
            : shown.length > 0 && (
                <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
              )}
        </Flex>
      ) : (
        list.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            {loadMore}
          </Flex>
        )
      )}
    </>
  );
}
