import { useMemo, useState } from 'react';
import type { CampaignListInput } from '@shared/api/campaigns';
import type { z } from 'zod';
import { usePeriod } from '../../lib/period';
import { navigate } from '../../lib/router';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { EmptyState } from '../../ui/EmptyState';
import { PeriodCovers } from '../../ui/PeriodCovers';
import { SidePanel } from '../../ui/SidePanel';
import { useToast } from '../../ui/toast';
import { CampaignPage } from './CampaignPage';
import { CampaignsTable } from './CampaignsTable';
import { NewCampaignPanel } from './NewCampaignPanel';
import { SpendForm } from './SpendForm';
import { CHANNEL_OPTIONS } from './channels';
import { CAMPAIGN_STATUSES } from './choices';
import { useCreateRequests } from './useCreateRequests';
import './campaigns.css';
import './search';
import { ExportCsvButton } from '../exports/ExportCsvButton';

type Filter = z.input<typeof CampaignListInput>;

/** Campaigns: the sortable list, or one campaign's page (`#/campaigns/<id>`). */
export function CampaignsPage({ params }: { params: string[] }) {
  const toast = useToast();
  const { format } = useWorkspace();
  const [creating, setCreating] = useState(false);
  const [loggingSpend, setLoggingSpend] = useState(false);
  const id = params[0];
  useCreateRequests(
    { 'new-campaign': () => setCreating(true), 'new-spend': () => setLoggingSpend(true) },
    id ? undefined : { run: () => setCreating(true), description: 'New campaign', scope: 'Campaigns' },
  );

  return (
    <>
      {id ? <CampaignPage id={id} /> : <CampaignList onNew={() => setCreating(true)} />}
      <NewCampaignPanel
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(campaign) => {
          setCreating(false);
          navigate(`campaigns/${campaign.id}`);
          toast.show(`Created ${campaign.name}.`);
        }}
      />
      <SidePanel title="Log spend" open={loggingSpend} onClose={() => setLoggingSpend(false)}>
        {loggingSpend && (
          <SpendForm
            onSaved={(entry) => {
              setLoggingSpend(false);
              toast.show(`Logged ${format.money(entry.amountMinor)} for ${entry.campaignName}.`);
            }}
          />
        )}
      </SidePanel>
    </>
  );
}

function CampaignList({ onNew }: { onNew(): void }) {
  const [filter, setFilter] = useState<Filter>({});
  const { period } = usePeriod();
  const campaigns = useQuery('campaigns.list', filter);
  // Leads and revenue are the active period's, counted as Results counts them.
  const results = useQuery('campaigns.results', {
    from: period.range.startDate,
    to: period.range.endDate,
  });
  const rows = useMemo(() => {
    const inPeriod = new Map((results.data?.campaigns ?? []).map((r) => [r.campaignId, r]));
    return (campaigns.data ?? []).map((c) => ({
      ...c,
      leads: inPeriod.get(c.id)?.leads ?? 0,
      revenueMinor: inPeriod.get(c.id)?.revenueMinor ?? 0,
    }));
  }, [campaigns.data, results.data]);
  const filtered = Boolean(filter.search || filter.status || filter.channel);
  const set = (patch: Filter) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <div className="page marketing-page">
      <header className="page-header">
        <h1>Campaigns</h1>
        <div className="toolbar">
          <input
            type="search"
            className="search"
            placeholder="Search name or tracking code"
            aria-label="Search campaigns"
            value={filter.search ?? ''}
            onChange={(e) => set({ search: e.target.value || undefined })}
          />
          <select
            aria-label="Status"
            value={filter.status ?? ''}
            onChange={(e) => set({ status: (e.target.value || undefined) as Filter['status'] })}
          >
            <option value="">All statuses</option>
            {CAMPAIGN_STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          <select
            aria-label="Channel"
            value={filter.channel ?? ''}
            onChange={(e) => set({ channel: (e.target.value || undefined) as Filter['channel'] })}
          >
            <option value="">All channels</option>
            {CHANNEL_OPTIONS.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <ExportCsvButton selection={{ kind: 'campaigns', filter }} />
          <button type="button" className="button primary" onClick={onNew} title="New campaign (n)">
            New campaign
          </button>
        </div>
      </header>
      {!campaigns.data ? null : rows.length === 0 && !filtered ? (
        <EmptyState
          title="No campaigns yet"
          action={
            <button type="button" className="button primary" onClick={onNew}>
              Create your first campaign
            </button>
          }
        >
          <p>
            A campaign is one push on one channel — a spring newsletter, a fair stand, a month of ads — with a
            budget, a target and a tracking code, so you can see the leads and orders it brings.
          </p>
          <p>
            Most campaigns belong to a <a href="#/plans">plan</a>; ad and e-mail reports can be brought in
            under <a href="#/imports">Imports</a>.
          </p>
        </EmptyState>
      ) : rows.length === 0 ? (
        <p className="muted">No campaign matches these filters.</p>
      ) : (
        <>
          <PeriodCovers prefix="Leads and revenue cover" />
          <CampaignsTable rows={rows} label="Campaigns" />
        </>
      )}
    </div>
  );
}
