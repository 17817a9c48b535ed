import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Lead, LeadListInput } from '@shared/api/leads';
import { useWorkspace } from '../../lib/settings';
import { DueMark } from '../leads/FollowUp';
import { channelName } from '../leads/lead-channels';
import { usePagedRows } from '../../lib/usePagedRows';

type Sort = NonNullable<LeadListInput['sort']>;
const COLUMNS: { sort?: Sort; label: string; numeric?: boolean }[] = [
  { sort: 'title', label: 'Lead' },
  { sort: 'contact', label: 'Contact' },
  { sort: 'stage', label: 'Stage' },
  { sort: 'value', label: 'Value', numeric: true },
  { label: 'Next follow-up' },
  { sort: 'expectedClose', label: 'Close by' },
  { label: 'Source' },
  { sort: 'rating', label: 'Quality' },
];

interface Props {
  filter: Omit<LeadListInput, 'offset' | 'limit' | 'sort' | 'direction'>;
  selected: Set<string>;
  onSelect(next: Set<string>): void;
  onOpen(id: string, sequence: string[]): void;
  /** Lets the page know the loaded order, for j/k in the panel. */
  onSequence(ids: string[]): void;
}

/** Every lead as a sortable, virtualized table with multi-select for bulk actions (enrol in a cadence). */
export function LeadsTable({ filter, selected, onSelect, onOpen, onSequence }: Props) {
  const { format } = useWorkspace();
  const [sort, setSort] = useState<Sort>('createdAt');
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc');
  const [focused, setFocused] = useState(0);
  const { total, rowAt, ensure, loadedIds } = usePagedRows('leads.list', { ...filter, sort, direction });
  const scroller = useRef<HTMLDivElement>(null);
  const filters = Object.values(filter).filter((v) => v !== undefined && v !== '').length;
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
  const ids = loadedIds();
  const idsKey = ids.join(',');
  useEffect(() => onSequence(idsKey ? idsKey.split(',') : []), [idsKey, onSequence]);

  const sortBy = (column: Sort) => {
    if (column === sort) setDirection((d) => (d === 'asc' ? 'desc' : 'asc'));
    else {
      setSort(column);
      setDirection(column === 'value' || column === 'rating' ? 'desc' : 'asc');
    }
  };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const allLoaded = ids.length > 0 && ids.every((id) => selected.has(id));
  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min((total ?? 1) - 1, index));
    setFocused(target);
    virtualizer.scrollToIndex(target);
    window.requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus(),
    );
  };
  const onRowKey = (index: number, row: Lead | undefined) => (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement) return;
    const keys: Record<string, () => void> = {
      Enter: () => row && onOpen(row.id, ids),
      j: () => focusRow(index + 1),
      ArrowDown: () => focusRow(index + 1),
      k: () => focusRow(index - 1),
      ArrowUp: () => focusRow(index - 1),
      x: () => row && toggle(row.id),
    };
    const action = keys[e.key];
    if (!action || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    action();
  };

  return (
    <div className="table leads-table" role="table" aria-label="Leads" aria-rowcount={(total ?? 0) + 1}>
      <div className="table-head leads-row" role="row">
        <div role="columnheader" className="leads-check">
          <input
            type="checkbox"
            aria-label="Select all loaded leads"
            checked={allLoaded}
            onChange={() => onSelect(allLoaded ? new Set() : new Set(ids))}
          />
        </div>
        {COLUMNS.map((c) => (
          <div
            key={c.label}
            role="columnheader"
            className={c.numeric ? 'num' : undefined}
            aria-sort={
              c.sort && sort === c.sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined
            }
          >
            {c.sort ? (
              <button type="button" onClick={() => c.sort && sortBy(c.sort)}>
                {c.label}
                {sort === c.sort && <span aria-hidden="true">{direction === 'asc' ? ' ↑' : ' ↓'}</span>}
              </button>
            ) : (
              <span className="leads-plain-head">{c.label}</span>
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
                className={`table-row leads-row${row && selected.has(row.id) ? ' is-selected' : ''}`}
                tabIndex={item.index === focused ? 0 : -1}
                style={{ transform: `translateY(${item.start}px)` }}
                onFocus={() => setFocused(item.index)}
                onClick={() => row && onOpen(row.id, ids)}
                onKeyDown={onRowKey(item.index, row)}
              >
                <div role="cell" className="leads-check" onClick={(e) => e.stopPropagation()}>
                  {row && (
                    <input
                      type="checkbox"
                      aria-label={`Select ${row.title}`}
                      checked={selected.has(row.id)}
                      onChange={() => toggle(row.id)}
                    />
                  )}
                </div>
                <div role="cell" title={row?.title}>
                  {row?.title ?? ''}
                </div>
                <div role="cell" title={row?.contactName ?? undefined}>
                  {row?.contactName ?? ''}
                </div>
                <div role="cell" title={row?.stageName}>
                  {row && (
                    <span className={`sales-outcome sales-outcome-${row.outcome}`}>
                      {row.outcome === 'won' ? '✓ ' : row.outcome === 'lost' ? '✕ ' : ''}
                      {row.stageName}
                    </span>
                  )}
                </div>
                <div role="cell" className="money">
                  {row ? format.money(row.valueMinor) : ''}
                </div>
                <div role="cell">
                  {row?.nextActivity ? (
                    <DueMark dueDate={row.nextActivity.dueDate} overdue={row.nextActivity.overdue} />
                  ) : (
                    ''
                  )}
                </div>
                <div role="cell">{row?.expectedCloseDate ? format.date(row.expectedCloseDate) : ''}</div>
                <div
                  role="cell"
                  title={row ? (row.campaignName ?? `Unknown · ${channelName(row.channel)}`) : undefined}
                >
                  {row ? (row.campaignName ?? `Unknown · ${channelName(row.channel)}`) : ''}
                </div>
                <div role="cell">
                  {row?.rating ? (
                    <>
                      <span aria-hidden="true" className="leads-stars">
                        {'★'.repeat(row.rating)}
                      </span>
                      <span className="visually-hidden">{row.rating} of 5</span>
                    </>
                  ) : (
                    ''
                  )}
                </div>
              </div>
            );
          })}
        </div>
        {total === 0 && filters > 0 && (
          <p className="table-empty" role="status">
            {filter.search
              ? `No leads match “${filter.search}”${filters > 1 ? ' with these filters' : ''}.`
              : 'No leads match these filters.'}
          </p>
        )}
      </div>
      <p className="table-foot">
        {total === null ? '' : `${format.number(total)} ${total === 1 ? 'lead' : 'leads'}`}
      </p>
    </div>
  );
}
