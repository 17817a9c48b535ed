import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export type Direction = 'asc' | 'desc';

/** A column of a sortable table; one without a sort key is not sortable. */
export interface HeadColumn<S extends string> {
  label: string;
  sort?: S;
  numeric?: boolean;
}

export interface SortState<S extends string> {
  sort: S;
  direction: Direction;
  sortBy(column: S): void;
}

/**
 * Which column a table is sorted by: the same column again flips the direction, another one starts in the
 * direction `startDirection` gives it (text ascending, amounts descending, as the table decides).
 */
export function useSort<S extends string>(
  initial: S,
  initialDirection: Direction,
  startDirection: (column: S) => Direction,
): SortState<S> {
  const [sort, setSort] = useState<S>(initial);
  const [direction, setDirection] = useState<Direction>(initialDirection);
  const sortBy = (column: S) => {
    if (column === sort) setDirection((d) => (d === 'asc' ? 'desc' : 'asc'));
    else {
      setSort(column);
      setDirection(startDirection(column));
    }
  };
  return { sort, direction, sortBy };
}

/** The column headers: a sortable one is a button; the sorted one says its direction to screen readers and by arrow. */
export function SortHeaders<S extends string>({
  columns,
  state,
}: {
  columns: readonly HeadColumn<S>[];
  state: SortState<S>;
}) {
  const { sort, direction, sortBy } = state;
  return columns.map((c) => (
    <div
      key={c.label}
      role="columnheader"
      className={c.numeric ? 'num' : undefined}
      // Only the column the table is sorted by says so (WAI-ARIA: one sorted header at a time).
      aria-sort={sort === c.sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      {c.sort === undefined ? (
        <span className="table-plain-head">{c.label}</span>
      ) : (
        <button type="button" onClick={() => c.sort !== undefined && sortBy(c.sort)}>
          {c.label}
          {sort === c.sort && <span aria-hidden="true">{direction === 'asc' ? ' ↑' : ' ↓'}</span>}
        </button>
      )}
    </div>
  ));
}

interface VirtualRowsOptions<R> {
  /** Rows in the answer, null while the first page loads. */
  total: number | null;
  /** Asks for the rows from `first` to `last` to be loaded. */
  ensure(first: number, last: number): void;
  onOpen(row: R): void;
  /** Keys beyond j/k, the arrows and Enter, for the focused row. */
  keys?(row: R): Record<string, () => void>;
}

/**
 * The rows of a virtualized table (only those on screen are in the DOM) with one focusable row at a time:
 * j/k or the arrows move it and scroll it into view, Enter or a click opens it.
 */
export function useVirtualRows<R>({ total, ensure, onOpen, keys }: VirtualRowsOptions<R>) {
  const [focused, setFocused] = useState(0);
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

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min((total ?? 1) - 1, index));
    setFocused(target);
    virtualizer.scrollToIndex(target);
    window.requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus(),
    );
  };
  const onKeyDown = (index: number, row: R | undefined) => (e: KeyboardEvent) => {
    // A checkbox or field inside the row keeps its own keys.
    if (e.target instanceof HTMLInputElement || e.altKey || e.ctrlKey || e.metaKey) return;
    const action = {
      Enter: () => row && onOpen(row),
      j: () => focusRow(index + 1),
      ArrowDown: () => focusRow(index + 1),
      k: () => focusRow(index - 1),
      ArrowUp: () => focusRow(index - 1),
      ...(row && keys ? keys(row) : {}),
    }[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };
  /** What every row element carries: its place for the virtualizer and screen readers, focus and keys. */
  const rowProps = (item: VirtualItem, row: R | undefined) => ({
    role: 'row',
    'data-index': item.index,
    'aria-rowindex': item.index + 2,
    tabIndex: item.index === focused ? 0 : -1,
    style: { transform: `translateY(${item.start}px)` },
    onFocus: () => setFocused(item.index),
    onClick: () => row && onOpen(row),
    onKeyDown: onKeyDown(item.index, row),
  });
  return { scroller, items, height: virtualizer.getTotalSize(), rowProps };
}
