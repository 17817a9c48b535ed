import type { CampaignDetail } from '@shared/api/campaigns';
import { attainment } from '@shared/domain/kpi';
import { client } from '../../lib/client';
import { navigate } from '../../lib/router';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { EmptyState } from '../../ui/EmptyState';
import { useToast } from '../../ui/toast';
import { CampaignContent } from './CampaignContent';
import { CampaignEditor } from './CampaignEditor';
import { CampaignLeads, CampaignOrders } from './CampaignLeads';
import { OverBudget, Tile } from './Meters';
import { SpendLedger } from './SpendLedger';
import { SpendOverlapCard } from './SpendOverlapCard';
import { ImportedMetrics } from './ImportedMetrics';
import { UtmBuilder } from './UtmBuilder';
import { channelLabel } from './channels';
import { CAMPAIGN_STATUSES, labelOf } from './choices';
import { useDeleteWithImpact } from '../../ui/DeleteDialog';

/** A campaign on a full page: its numbers, spend, content, leads, orders, links and details. */
export function CampaignPage({ id }: { id: string }) {
  const toast = useToast();
  const [requestDelete, deleteDialog, deleting] = useDeleteWithImpact();
  const detail = useQuery('campaigns.detail', { id }, { enabled: !deleting });
  if (detail.error?.code === 'not_found') {
    return (
      <div className="page">
        <EmptyState title="This campaign is not here" action={<a href="#/campaigns">Back to campaigns</a>}>
          <p>It was deleted, or the link is from another workspace.</p>
        </EmptyState>
      </div>
    );
  }
  // Being deleted, the page goes away: its parts (the links, the spend) stop reading the campaign.
  if (!detail.data || detail.data.campaign.id !== id || deleting) return null;
  const { campaign } = detail.data;

  const remove = () =>
    requestDelete({
      kind: 'campaign',
      closesView: true,
      id,
      name: campaign.name,
      run: () =>
        client.call('campaigns.delete', { id }).then(() => {
          navigate(campaign.planId ? `plans/${campaign.planId}` : 'campaigns');
          toast.show(`Deleted ${campaign.name}.`, {
            action: {
              label: 'Undo',
              run: () =>
                void client.call('campaigns.restore', { id }).then(() => navigate(`campaigns/${id}`)),
            },
          });
        }),
    });

  return (
    <div className="page marketing-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href="#/campaigns">Campaigns</a>
        {campaign.planId && (
          <>
            {' · '}
            <a href={`#/plans/${campaign.planId}`}>{campaign.planName}</a>
          </>
        )}
      </nav>
      <header className="page-header">
        <div>
          <h1>{campaign.name}</h1>
          <p className="page-meta">
            {channelLabel(campaign.channel)} ·{' '}
            <span className={`status status-${campaign.status}`}>
              {labelOf(CAMPAIGN_STATUSES, campaign.status)}
            </span>
            {campaign.trackingCode && (
              <>
                {' · '}
                <code>{campaign.trackingCode}</code>
              </>
            )}
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="button danger" onClick={remove}>
            Delete campaign
          </button>
          {deleteDialog}
        </div>
      </header>
      <ResultsTiles detail={detail.data} />
      <div className="two-columns">
        <div className="column">
          {detail.data.spendOverlap && <SpendOverlapCard overlap={detail.data.spendOverlap} />}
          <SpendLedger campaignId={id} budget={detail.data.budget} entries={detail.data.spend} />
          <ImportedMetrics metrics={detail.data.metrics} />
          <CampaignContent campaignId={id} items={detail.data.content} />
          <CampaignLeads leads={detail.data.leads} />
          <CampaignOrders orders={detail.data.orders} />
        </div>
        <div className="column">
          <section className="card" aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <CampaignEditor campaign={campaign} />
          </section>
          <UtmBuilder campaign={campaign} />
        </div>
      </div>
    </div>
  );
}

function ResultsTiles({ detail }: { detail: CampaignDetail }) {
  const { format } = useWorkspace();
  const { results: r, campaign: c } = detail;
  const of = (actual: number, goal: number | null, money: boolean) => {
    const share = attainment(actual, goal);
    if (goal === null || share === null) return null;
    return `of ${money ? format.money(goal) : format.number(goal)} target · ${format.percent(share)}`;
  };
  return (
    <div className="tiles" role="group" aria-label="Results so far">
      <Tile label="Spent" value={format.money(r.spendMinor)}>
        {r.overBudget ? (
          <OverBudget overspendMinor={r.overspendMinor} />
        ) : (
          `of ${format.money(r.budgetMinor)} budget`
        )}
      </Tile>
      <Tile label="Leads" value={format.number(r.leads)}>
        {of(r.leads, c.targetLeads, false) ?? `${format.number(r.qualifiedLeads)} qualified`}
      </Tile>
      <Tile label="Won" value={format.number(r.won)}>
        {`${format.number(r.lost)} lost`}
      </Tile>
      <Tile label="Revenue" value={format.money(r.revenueMinor)}>
        {of(r.revenueMinor, c.targetRevenueMinor, true) ?? 'from orders, payments and won leads'}
      </Tile>
      <Tile
        label="Cost per lead"
        value={r.costPerLeadMinor === null ? '—' : format.money(r.costPerLeadMinor)}
      >
        {r.costPerLeadMinor === null ? 'needs spend and leads' : 'spend ÷ leads'}
      </Tile>
      <Tile label="Return on spend" value={r.roi === null ? '—' : format.percent(r.roi)}>
        {r.roas === null ? 'needs spend' : `ROAS ${format.number(Math.round(r.roas * 100) / 100)}×`}
      </Tile>
    </div>
  );
}
