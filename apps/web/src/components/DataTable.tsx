import { Card, Collapse, Descriptions, Grid, List, Table } from 'antd';
import type { TableColumnType, TableProps } from 'antd';
import type { ReactNode } from 'react';

type Column<T> = TableColumnType<T> & { title?: ReactNode };

/**
 * A table on wide screens; on a phone the same columns as one small card per row, so nothing
 * scrolls sideways and every value keeps its label (read aloud by screen readers too). A row's
 * expanded content (`expandable.expandedRowRender`) is, on a phone, a panel under its card
 * titled `expandLabel`.
 */
export function DataTable<T extends object>({
  expandLabel,
  ...props
}: TableProps<T> & { columns: Column<T>[]; expandLabel?: (row: T) => ReactNode }) {
  const screens = Grid.useBreakpoint();
  const { columns, dataSource = [], rowKey, loading, pagination, locale, expandable } = props;
  if (screens.md) return <Table<T> {...props} />;
  const expand = (row: T, i: number) =>
    expandable?.expandedRowRender && (expandable.rowExpandable?.(row) ?? true) ? (
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'more',
            label: expandLabel?.(row),
            children: expandable.expandedRowRender(row, i, 0, true),
          },
        ]}
      />
    ) : null;
  const keyOf = (r: T, i: number) =>
    typeof rowKey === 'function'
      ? rowKey(r)
      : rowKey
        ? String((r as Record<string, unknown>)[rowKey as string])
        : i;
  return (
    <List<T>
      loading={!!loading}
      dataSource={[...dataSource]}
      locale={locale?.emptyText ? { emptyText: locale.emptyText as ReactNode } : undefined}
      pagination={
        pagination
          ? {
              current: pagination.current,
              pageSize: pagination.pageSize,
              total: pagination.total,
              onChange: pagination.onChange,
              size: 'small',
              simple: true,
            }
          : false
      }
      renderItem={(row, i) => (
        <List.Item key={keyOf(row, i)} style={{ padding: '4px 0' }}>
          <Card size="small" style={{ width: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={columns.map((c, n) => {
                const raw =
                  'dataIndex' in c && c.dataIndex !== undefined
                    ? (row as Record<string, unknown>)[c.dataIndex as string]
                    : undefined;
                return {
                  key:
                    typeof c.key === 'string' || typeof c.key === 'number'
                      ? String(c.key)
                      : String(n),
                  label: c.title as ReactNode,
                  children: (c.render ? c.render(raw, row, i) : (raw as ReactNode)) as ReactNode,
                };
              })}
            />
            {expand(row, i)}
          </Card>
        </List.Item>
      )}
    />
  );
}

/** A small table of a stage's or a document's items, one row an item (keyed by its code). */
export function ItemTable<T extends { code: string }>(
  props: TableProps<T> & { columns: Column<T>[]; expandLabel?: (row: T) => ReactNode },
) {
  return (
    <DataTable<T>
      size="small"
      rowKey="code"
      pagination={false}
      scroll={{ x: 'max-content' }}
      {...props}
    />
  );
}
