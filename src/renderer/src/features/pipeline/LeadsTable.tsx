import { useEffect } from 'react';
import type { Lead, LeadListInput } from '@shared/api/leads';
import { useWorkspace } from '../../lib/settings';
import { DueMark } from '../leads/FollowUp';
import { channelName } from '../leads/lead-channels';
import { usePagedRows } from '../../lib/usePagedRows';
import { SortHeaders, useSort, useVirtualRows, type HeadColumn } from '../../ui/VirtualTable';

type Sort = NonNullable<LeadListInput['sort']>;
const COLUMNS: HeadColumn<Sort>[] = [
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
  const sortState = useSort<Sort>('createdAt', 'desc', (column) =>
    column === 'value' || column === 'rating' ? 'desc' : 'asc',
  );
  const { sort, direction } = sortState;
  const { total, rowAt, ensure, loadedIds } = usePagedRows('leads.list', { ...filter, sort, direction });
  const filters = Object.values(filter).filter((v) => v !== undefined && v !== '').length;
  const ids = loadedIds();
  const idsKey = ids.join(',');
  useEffect(() => onSequence(idsKey ? idsKey.split(',') : []), [idsKey, onSequence]);
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const allLoaded = ids.length > 0 && ids.every((id) => selected.has(id));
  const { scroller, items, height, rowProps } = useVirtualRows<Lead>({
    total,
    ensure,
    onOpen: (row) => onOpen(row.id, ids),
    keys: (row) => ({ x: () => toggle(row.id) }),
  });

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
        <SortHeaders columns={COLUMNS} state={sortState} />
      </div>
      <div ref={scroller} className="table-body" role="rowgroup">
        <div style={{ height, position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                className={`table-row leads-row${row && selected.has(row.id) ? ' is-selected' : ''}`}
                {...rowProps(item, row)}
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
