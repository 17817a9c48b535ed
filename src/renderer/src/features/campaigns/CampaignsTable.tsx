import { useMemo } from 'react';
import type { Output } from '@shared/api';
import { navigate } from '../../lib/router';
import { useWorkspace } from '../../lib/settings';
import { useSort } from '../../ui/VirtualTable';
import { OverBudget } from './Meters';
import { channelLabel } from './channels';
import { CAMPAIGN_STATUSES, labelOf } from './choices';

/** A campaign with its leads and revenue in the active period. */
export type CampaignRow = Output<'campaigns.list'>[number] & { leads: number; revenueMinor: number };
type Row = CampaignRow;
type Sort = 'name' | 'channel' | 'status' | 'dates' | 'budget' | 'spent' | 'leads' | 'revenue';

const COLUMNS: { sort: Sort; label: string; numeric?: boolean }[] = [
  { sort: 'name', label: 'Name' },
  { sort: 'channel', label: 'Channel' },
  { sort: 'status', label: 'Status' },
  { sort: 'dates', label: 'Dates' },
  { sort: 'budget', label: 'Budget', numeric: true },
  { sort: 'spent', label: 'Spent', numeric: true },
  { sort: 'leads', label: 'Leads', numeric: true },
  { sort: 'revenue', label: 'Revenue', numeric: true },
];

const STATUS_ORDER = CAMPAIGN_STATUSES.map((s) => s.value as string);
const key = (row: Row, sort: Sort): string | number => {
  switch (sort) {
    case 'name':
      return row.name.toLowerCase();
    case 'channel':
      return channelLabel(row.channel);
    case 'status':
      return STATUS_ORDER.indexOf(row.status);
    case 'dates':
      return row.startDate ?? '9999';
    case 'budget':
      return row.budgetMinor;
    case 'spent':
      return row.spentMinor;
    case 'leads':
      return row.leads;
    case 'revenue':
      return row.revenueMinor;
  }
};

/** Campaigns sortable by any column: click a header once for ascending, again for descending. */
export function CampaignsTable({ rows, label }: { rows: Row[]; label: string }) {
  const { format } = useWorkspace();
  const { sort, direction, sortBy } = useSort<Sort>('dates', 'asc', () => 'asc');
  const sorted = useMemo(() => {
    const sign = direction === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = key(a, sort);
      const y = key(b, sort);
      return (x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name)) * sign;
    });
  }, [rows, sort, direction]);
  const dates = (row: Row) =>
    row.startDate || row.endDate
      ? `${row.startDate ? format.date(row.startDate) : '…'} – ${row.endDate ? format.date(row.endDate) : '…'}`
      : '—';

  return (
    <table className="data-table sortable" aria-label={label}>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th
              key={c.sort}
              scope="col"
              className={c.numeric ? 'num' : undefined}
              aria-sort={sort === c.sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              <button type="button" onClick={() => sortBy(c.sort)}>
                {c.label}
                <span aria-hidden="true">{sort === c.sort ? (direction === 'asc' ? ' ↑' : ' ↓') : ''}</span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={row.id} className="clickable" onClick={() => navigate(`campaigns/${row.id}`)}>
            <td>
              <a href={`#/campaigns/${row.id}`} onClick={(e) => e.stopPropagation()}>
                {row.name}
              </a>
              {row.planName && <span className="muted plan-of">{row.planName}</span>}
            </td>
            <td>{channelLabel(row.channel)}</td>
            <td>
              <span className={`status status-${row.status}`}>{labelOf(CAMPAIGN_STATUSES, row.status)}</span>
            </td>
            <td>{dates(row)}</td>
            <td className="money">{format.money(row.budgetMinor)}</td>
            <td className="money">
              {format.money(row.spentMinor)}
              {row.overBudget && (
                <>
                  {' '}
                  <OverBudget overspendMinor={row.overspendMinor} short />
                </>
              )}
            </td>
            <td className="num">{format.number(row.leads)}</td>
            <td className="money">{format.money(row.revenueMinor)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
