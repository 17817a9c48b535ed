import type { LeadFilter } from '@shared/api/leads';
import { useQuery } from '../../lib/useQuery';
import { LEAD_CHANNELS } from '../leads/lead-channels';

export type Filter = Pick<
  LeadFilter,
  'search' | 'campaignId' | 'channel' | 'rating' | 'outcome' | 'stageId' | 'owner'
>;

interface Props {
  filter: Filter;
  onFilter(next: Filter): void;
  /** The table also filters by stage and outcome; the board shows every stage as a column. */
  table: boolean;
}

/** Filters shared by the board and the table: words, source campaign, channel, quality, and in the table stage. */
export function LeadFilters({ filter, onFilter, table }: Props) {
  const campaigns = useQuery('campaigns.list', {});
  const stages = useQuery('leads.stages', {});
  const set = (patch: Filter) => {
    const next = { ...filter, ...patch };
    for (const key of Object.keys(next) as (keyof Filter)[])
      if (next[key] === undefined || next[key] === '') delete next[key];
    onFilter(next);
  };
  const active = Object.keys(filter).length > 0;
  return (
    <div className="leads-filters" role="group" aria-label="Filter leads">
      <input
        type="search"
        className="search"
        placeholder="Search title, contact or company"
        aria-label="Search leads"
        value={filter.search ?? ''}
        onChange={(e) => set({ search: e.target.value || undefined })}
      />
      <select
        aria-label="Source campaign"
        value={filter.campaignId ?? ''}
        onChange={(e) => set({ campaignId: e.target.value || undefined })}
      >
        <option value="">All sources</option>
        <option value="none">No campaign (unknown)</option>
        {(campaigns.data ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Channel"
        value={filter.channel ?? ''}
        onChange={(e) => set({ channel: (e.target.value || undefined) as Filter['channel'] })}
      >
        <option value="">All channels</option>
        {LEAD_CHANNELS.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Quality"
        value={filter.rating === undefined ? '' : String(filter.rating)}
        onChange={(e) =>
          set({
            rating:
              e.target.value === ''
                ? undefined
                : e.target.value === 'unrated'
                  ? 'unrated'
                  : Number(e.target.value),
          })
        }
      >
        <option value="">Any quality</option>
        {[5, 4, 3, 2, 1].map((n) => (
          <option key={n} value={n}>
            {'★'.repeat(n)} ({n} of 5)
          </option>
        ))}
        <option value="unrated">Not rated yet</option>
      </select>
      {table && (
        <>
          <select
            aria-label="Stage"
            value={filter.stageId ?? ''}
            onChange={(e) => set({ stageId: e.target.value || undefined })}
          >
            <option value="">All stages</option>
            {(stages.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <select
            aria-label="Outcome"
            value={filter.outcome ?? ''}
            onChange={(e) => set({ outcome: (e.target.value || undefined) as Filter['outcome'] })}
          >
            <option value="">Open, won and lost</option>
            <option value="open">Open</option>
            <option value="won">Won</option>
            <option value="lost">Lost</option>
          </select>
        </>
      )}
      {active && (
        <button type="button" className="button-link" onClick={() => onFilter({})}>
          Clear filters
        </button>
      )}
    </div>
  );
}
