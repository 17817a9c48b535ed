import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Input, Output } from '@shared/api';
import { usePagedRows, type PageFilter } from '../../lib/usePagedRows';

type Method = 'orders.list' | 'payments.list';
export type SalesRow<K extends Method> = Output<K>['rows'][number];
type Sort<K extends Method> = NonNullable<Input<K>['sort']>;
export type SalesFilter<K extends Method> = Omit<PageFilter<K>, 'sort' | 'direction'>;

export interface Column<K extends Method> {
  label: string;
  /** Columns without a sort key are not sortable. */
  sort?: Sort<K>;
  numeric?: boolean;
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
  const [sort, setSort] = useState<Sort<K>>(defaultSort);
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc');
  const [focused, setFocused] = useState(0);
  const { total, rowAt, ensure, answer } = usePagedRows(method, {
    ...filter,
    sort,
    direction,
  } as PageFilter<K>);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => 36,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => ensure(first, last), [ensure, first, last]);
  useEffect(() => {
    if (!answer) return onTotals(null);
    const { rows: _rows, ...totals } = answer;
    onTotals(totals);
  }, [answer, onTotals]);

  const sortBy = (column: Sort<K>) => {
    if (column === sort) setDirection((d) => (d === 'asc' ? 'desc' : 'asc'));
    else {
      setSort(column);
      setDirection(column === 'customer' || column === 'number' || column === 'status' ? 'asc' : 'desc');
    }
  };
  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min((total ?? 1) - 1, index));
    setFocused(target);
    virtualizer.scrollToIndex(target);
    window.requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus(),
    );
  };
  const onKey = (index: number, row: SalesRow<K> | undefined) => (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const action = {
      Enter: () => row && onOpen(row),
      j: () => focusRow(index + 1),
      ArrowDown: () => focusRow(index + 1),
      k: () => focusRow(index - 1),
      ArrowUp: () => focusRow(index - 1),
    }[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  return (
    <div className="table sales-table" role="table" aria-label={label} aria-rowcount={(total ?? 0) + 1}>
      <div className="table-head" role="row">
        {columns.map((c) => (
          <div
            key={c.label}
            role="columnheader"
            className={c.numeric ? 'num' : undefined}
            aria-sort={
              c.sort === undefined
                ? undefined
                : sort === c.sort
                  ? direction === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : 'none'
            }
          >
            {c.sort === undefined ? (
              <span className="sales-plain-head">{c.label}</span>
            ) : (
              <button type="button" onClick={() => c.sort !== undefined && sortBy(c.sort)}>
                {c.label}
                {sort === c.sort && <span aria-hidden="true">{direction === 'asc' ? ' ↑' : ' ↓'}</span>}
              </button>
            )}
          </div>
        ))}
      </div>
      <div ref={scroller} className="table-body" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                data-index={item.index}
                aria-rowindex={item.index + 2}
                className="table-row"
                tabIndex={item.index === focused ? 0 : -1}
                style={{ transform: `translateY(${item.start}px)` }}
                onFocus={() => setFocused(item.index)}
                onClick={() => row && onOpen(row)}
                onKeyDown={onKey(item.index, row)}
              >
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
