import { useMemo } from 'react';
import type { CampaignRow, Dashboard } from '@shared/api/results';
import { useWorkspace } from '../../lib/settings';
import { useSort } from '../../ui/VirtualTable';
import { channelLabel } from '../campaigns/channels';

type Sort = 'name' | 'channel' | 'spend' | 'leads' | 'quality' | 'cpl' | 'revenue' | 'roi';

const COLUMNS: { sort: Sort; label: string; numeric?: boolean }[] = [
  { sort: 'name', label: 'Campaign' },
  { sort: 'channel', label: 'Channel' },
  { sort: 'spend', label: 'Spend', numeric: true },
  { sort: 'leads', label: 'Leads', numeric: true },
  { sort: 'quality', label: 'Quality', numeric: true },
  { sort: 'cpl', label: 'CPL', numeric: true },
  { sort: 'revenue', label: 'Revenue', numeric: true },
  { sort: 'roi', label: 'ROI', numeric: true },
];

/** Missing numbers (no rating, no spend) sort after every real one, whichever the direction. */
const key = (row: CampaignRow, sort: Sort): string | number | null => {
  switch (sort) {
    case 'name':
      return row.name.toLowerCase();
    case 'channel':
      return channelLabel(row.channel);
    case 'spend':
      return row.spendMinor;
    case 'leads':
      return row.leads;
    case 'quality':
      return row.averageRating;
    case 'cpl':
      return row.costPerLeadMinor;
    case 'revenue':
      return row.revenueMinor;
    case 'roi':
      return row.roi;
  }
};

export interface CampaignPick {
  campaignId: string | null;
  name: string;
  unattributed?: boolean;
}

/** Every campaign of the period, sortable by any column; a row opens the leads and orders behind it. */
export function CampaignResults({ data, onOpen }: { data: Dashboard; onOpen(pick: CampaignPick): void }) {
  const { format } = useWorkspace();
  const { sort, direction, sortBy } = useSort<Sort>('revenue', 'desc', (column) =>
    column === 'name' || column === 'channel' || column === 'cpl' ? 'asc' : 'desc',
  );
  const sorted = useMemo(() => {
    const sign = direction === 'asc' ? 1 : -1;
    return [...data.campaigns].sort((a, b) => {
      const x = key(a, sort);
      const y = key(b, sort);
      if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
      return (x < y ? -1 : x > y ? 1 : 0) * sign || a.name.localeCompare(b.name);
    });
  }, [data.campaigns, sort, direction]);
  const money = (v: number | null) => (v === null ? '—' : format.money(v));

  return (
    <section className="card wide" aria-labelledby="campaigns-title">
      <h2 id="campaigns-title">
        Campaigns <span className="model-note">· revenue {data.modelLabel}</span>
      </h2>
      {data.campaigns.length === 0 && data.noCampaign.leads === 0 && data.unattributed.revenueMinor === 0 ? (
        <p className="muted">
          No campaign brought leads or revenue in this period. Create campaigns under{' '}
          <a href="#/campaigns">Campaigns</a> and give leads their source campaign.
        </p>
      ) : (
        <table className="data-table sortable results-campaigns" aria-label="Campaign results">
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
                    <span aria-hidden="true">
                      {sort === c.sort ? (direction === 'asc' ? ' ↑' : ' ↓') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr
                key={row.campaignId}
                className="clickable"
                onClick={() => onOpen({ campaignId: row.campaignId, name: row.name })}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpen({ campaignId: row.campaignId, name: row.name });
                    }}
                  >
                    {row.name}
                  </button>
                </th>
                <td>{channelLabel(row.channel)}</td>
                <td className="money">{format.money(row.spendMinor)}</td>
                <td className="num">{format.number(row.leads)}</td>
                <td className="num">{row.averageRating === null ? '—' : row.averageRating.toFixed(1)}</td>
                <td className="money">{money(row.costPerLeadMinor)}</td>
                <td className="money">{format.money(row.revenueMinor)}</td>
                <td className="num">{row.roi === null ? '—' : format.percent(row.roi)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {(data.noCampaign.leads > 0 || data.noCampaign.revenueMinor !== 0) && (
              <tr className="clickable" onClick={() => onOpen({ campaignId: null, name: 'No campaign' })}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpen({ campaignId: null, name: 'No campaign' });
                    }}
                  >
                    No campaign
                  </button>
                </th>
                <td className="muted">Touches without a campaign</td>
                <td className="money">—</td>
                <td className="num">{format.number(data.noCampaign.leads)}</td>
                <td className="num">—</td>
                <td className="money">—</td>
                <td className="money">{format.money(data.noCampaign.revenueMinor)}</td>
                <td className="num">—</td>
              </tr>
            )}
            {(data.unattributed.revenueMinor !== 0 || data.unattributed.leads > 0) && (
              <tr
                className="clickable"
                onClick={() => onOpen({ campaignId: null, name: 'Unattributed', unattributed: true })}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpen({ campaignId: null, name: 'Unattributed', unattributed: true });
                    }}
                  >
                    Unattributed
                  </button>
                </th>
                <td className="muted">No touch within {data.lookbackDays} days</td>
                <td className="money">—</td>
                <td className="num">{format.number(data.unattributed.leads)}</td>
                <td className="num">—</td>
                <td className="money">—</td>
                <td className="money">{format.money(data.unattributed.revenueMinor)}</td>
                <td className="num">—</td>
              </tr>
            )}
          </tfoot>
        </table>
      )}
    </section>
  );
}
