import { useQuery } from '../../lib/useQuery';
import { STATUSES, statusLabel, type SalesKind } from './status';

export interface FilterChoice {
  /** Only the top bar's active period, or every date. */
  inPeriod: boolean;
  /** '' = any, 'revenue' = the statuses that count as revenue, else one status. */
  status: string;
  /** '' = any, 'none' = no campaign, else a campaign id. */
  campaignId: string;
  search: string;
}

/** Period (the top bar's), status, campaign and words: the filter of the Orders and Payments lists. */
export function SalesFilters({
  kind,
  choice,
  periodLabel,
  onChoice,
}: {
  kind: SalesKind;
  choice: FilterChoice;
  periodLabel: string;
  onChoice(next: FilterChoice): void;
}) {
  const campaigns = useQuery('campaigns.list', {});
  const set = (patch: Partial<FilterChoice>) => onChoice({ ...choice, ...patch });
  return (
    <div className="orders-filters" role="group" aria-label={`Filter ${kind}`}>
      <label className="orders-period">
        <input
          type="checkbox"
          checked={choice.inPeriod}
          onChange={(e) => set({ inPeriod: e.target.checked })}
        />
        Only {periodLabel}
      </label>
      <select aria-label="Status" value={choice.status} onChange={(e) => set({ status: e.target.value })}>
        <option value="">Any status</option>
        <option value="revenue">Counts as revenue</option>
        {STATUSES[kind].map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      <select
        aria-label="Campaign"
        value={choice.campaignId}
        onChange={(e) => set({ campaignId: e.target.value })}
      >
        <option value="">All campaigns</option>
        <option value="none">No campaign</option>
        {(campaigns.data ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <input
        type="search"
        className="search"
        placeholder={
          kind === 'orders' ? 'Search order number, e-mail or name' : 'Search id, e-mail or description'
        }
        aria-label={kind === 'orders' ? 'Search orders' : 'Search payments'}
        value={choice.search}
        onChange={(e) => set({ search: e.target.value })}
      />
    </div>
  );
}
