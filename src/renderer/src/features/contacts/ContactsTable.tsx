import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Contact, ContactListInput } from '@shared/api/contacts';
import { useWorkspace } from '../../lib/settings';
import { usePagedRows } from '../../lib/usePagedRows';

type Sort = NonNullable<ContactListInput['sort']>;
const COLUMNS: { sort: Sort; label: string }[] = [
  { sort: 'name', label: 'Name' },
  { sort: 'email', label: 'E-mail' },
  { sort: 'company', label: 'Company' },
  { sort: 'lifecycle', label: 'Lifecycle' },
  { sort: 'createdAt', label: 'Added' },
];

interface Props {
  search: string;
  onOpen(contact: Contact): void;
  /** The loaded order, for j/k in the open panel. */
  onSequence(ids: string[]): void;
  onTotal(total: number | null): void;
}

/** Contacts as a virtualized, sortable table paged from the core; j/k or arrows move, Enter opens. */
export function ContactsTable({ search, onOpen, onSequence, onTotal }: Props) {
  const { format } = useWorkspace();
  const [sort, setSort] = useState<Sort>('name');
  const [direction, setDirection] = useState<'asc' | 'desc'>('asc');
  const [focused, setFocused] = useState(0);
  const { total, rowAt, ensure, loadedIds } = usePagedRows('contacts.list', {
    search: search || undefined,
    sort,
    direction,
  });
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
  useEffect(() => onTotal(total), [total, onTotal]);
  const ids = loadedIds();
  const idsKey = ids.join(',');
  useEffect(() => onSequence(idsKey ? idsKey.split(',') : []), [idsKey, onSequence]);

  const sortBy = (column: Sort) => {
    if (column === sort) setDirection((d) => (d === 'asc' ? 'desc' : 'asc'));
    else {
      setSort(column);
      setDirection('asc');
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
  const onKey = (index: number, row: Contact | undefined) => (e: KeyboardEvent) => {
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
    <div className="table" role="table" aria-label="Contacts" aria-rowcount={(total ?? 0) + 1}>
      <div className="table-head" role="row">
        {COLUMNS.map((c) => (
          <div
            key={c.sort}
            role="columnheader"
            aria-sort={sort === c.sort ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <button type="button" onClick={() => sortBy(c.sort)}>
              {c.label}
              {sort === c.sort && <span aria-hidden="true">{direction === 'asc' ? ' ↑' : ' ↓'}</span>}
            </button>
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
                <div role="cell">{row?.displayName ?? ''}</div>
                <div role="cell">{row?.email ?? ''}</div>
                <div role="cell">{row?.companyName ?? ''}</div>
                <div role="cell">{row?.lifecycle ?? ''}</div>
                <div role="cell">{row ? format.date(row.createdAt) : ''}</div>
              </div>
            );
          })}
        </div>
        {total === 0 && search && (
          <p className="table-empty" role="status">
            No contacts match “{search}”. Check the spelling, or search by e-mail, phone or company.
          </p>
        )}
      </div>
      <p className="table-foot">{total === null ? '' : format.count(total, 'contact', 'contacts')}</p>
    </div>
  );
}
