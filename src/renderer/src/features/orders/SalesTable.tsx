import { useEffect, type ReactNode } from 'react';
import type { Input, Output } from '@shared/api';
import { usePagedRows, type PageFilter } from '../../lib/usePagedRows';
import { SortHeaders, useSort, useVirtualRows, type HeadColumn } from '../../ui/VirtualTable';

type Method = 'orders.list' | 'payments.list';
export type SalesRow<K extends Method> = Output<K>['rows'][number];
type Sort<K extends Method> = NonNullable<Input<K>['sort']>;
export type SalesFilter<K extends Method> = Omit<PageFilter<K>, 'sort' | 'direction'>;

export interface Column<K extends Method> extends HeadColumn<Sort<K>> {
  cell(row: SalesRow<K>): ReactNode;
}

interface Props<K extends Method> {
  method: K;
  label: string;
  filter: SalesFilter<K>;
  columns: readonly Column<K>[];
  defaultSort: Sort<K>;
  onOpen(row: SalesRow<K>): void;
  /** The answer's count and totals, for the page's summary line and empty state. */
  onTotals(totals: Omit<Output<K>, 'rows'> | null): void;
}

/**
 * Orders or payments as a virtualized, sortable table paged from the core (200k rows cost what 100 do);
 * j/k or the arrows move, Enter opens.
 */
export function SalesTable<K extends Method>({
  method,
  label,
  filter,
  columns,
  defaultSort,
  onOpen,
  onTotals,
}: Props<K>) {
  const sortState = useSort<Sort<K>>(defaultSort, 'desc', (column) =>
    column === 'customer' || column === 'number' || column === 'status' ? 'asc' : 'desc',
  );
  const { sort, direction } = sortState;
  const { total, rowAt, ensure, answer } = usePagedRows(method, {
    ...filter,
    sort,
    direction,
  } as PageFilter<K>);
  const { scroller, items, height, rowProps } = useVirtualRows<SalesRow<K>>({ total, ensure, onOpen });
  useEffect(() => {
    if (!answer) return onTotals(null);
    const { rows: _rows, ...totals } = answer;
    onTotals(totals);
  }, [answer, onTotals]);

  return (
    <div className="table sales-table" role="table" aria-label={label} aria-rowcount={(total ?? 0) + 1}>
      <div className="table-head" role="row">
        <SortHeaders columns={columns} state={sortState} />
      </div>
      <div ref={scroller} className="table-body" role="rowgroup">
        <div style={{ height, position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div key={item.key} className="table-row" {...rowProps(item, row)}>
                {columns.map((c) => (
                  <div key={c.label} role="cell" className={c.numeric ? 'num money' : undefined}>
                    {row ? c.cell(row) : ''}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
