import { useState } from 'react';
import type { Plan } from '@shared/api/plans';
import { client } from '../../lib/client';
import { navigate } from '../../lib/router';
import { useWorkspace } from '../../lib/settings';
import { planPeriod } from './planPeriod';
import { useQuery } from '../../lib/useQuery';
import { EmptyState } from '../../ui/EmptyState';
import { SidePanel } from '../../ui/SidePanel';
import { useToast } from '../../ui/toast';
import { NewCampaignPanel } from '../campaigns/NewCampaignPanel';
import { PLAN_STATUSES } from '../campaigns/choices';
import { asApiError } from '../../lib/form-errors';
import { ChannelMix } from './ChannelMix';
import { Checklist } from './Checklist';
import { GoalTiles } from './GoalTiles';
import { PlanCampaigns } from './PlanCampaigns';
import { PlanForm } from './PlanForm';
import { SegmentsEditor } from './SegmentsEditor';
import { SwotEditor } from './SwotEditor';
import { useDeleteWithImpact } from '../../ui/DeleteDialog';

/** One plan on a full page: goals against actual, situation, target, channels, checklist and campaigns. */
export function PlanPage({ id }: { id: string }) {
  const [requestDelete, deleteDialog, deleting] = useDeleteWithImpact();
  const plan = useQuery('plans.get', { id }, { enabled: !deleting });
  const actual = useQuery('plans.actual', { id }, { enabled: !deleting });
  const [editing, setEditing] = useState(false);
  const [creating, setCreating] = useState(false);
  const toast = useToast();
  if (plan.error?.code === 'not_found') {
    return (
      <div className="page">
        <EmptyState title="This plan is not here" action={<a href="#/plans">Back to plans</a>}>
          <p>It was deleted, or the link is from another workspace.</p>
        </EmptyState>
      </div>
    );
  }
  // Being deleted, the page goes away: its parts stop reading the plan.
  if (!plan.data || plan.data.id !== id || deleting) return null;
  const current = plan.data;
  const actualData = actual.data?.planId === id ? actual.data : undefined;
  const closeCampaign = () => setCreating(false);

  return (
    <div className="page marketing-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href="#/plans">Plans</a>
      </nav>
      <PlanHeader plan={current} onEdit={() => setEditing(true)} requestDelete={requestDelete} />
      {deleteDialog}
      <GoalTiles actual={actualData} onSetGoals={() => setEditing(true)} />
      <div className="two-columns">
        <div className="column">
          <SwotEditor key={`swot-${id}`} plan={current} />
          <SegmentsEditor key={`segments-${id}`} plan={current} />
          <ChannelMix plan={current} actual={actualData} />
        </div>
        <div className="column">
          <Checklist plan={current} />
        </div>
      </div>
      <PlanCampaigns actual={actualData} onNew={() => setCreating(true)} />
      <SidePanel title="Edit plan" open={editing} onClose={() => setEditing(false)}>
        {editing && <PlanForm plan={current} onSaved={() => setEditing(false)} />}
      </SidePanel>
      <NewCampaignPanel
        open={creating}
        planId={id}
        onClose={closeCampaign}
        onCreated={(campaign) => {
          closeCampaign();
          toast.show(`Created ${campaign.name}.`, {
            action: { label: 'Open', run: () => navigate(`campaigns/${campaign.id}`) },
          });
        }}
      />
    </div>
  );
}

function PlanHeader({
  plan,
  onEdit,
  requestDelete,
}: {
  plan: Plan;
  onEdit(): void;
  requestDelete: ReturnType<typeof useDeleteWithImpact>[0];
}) {
  const { format, settings } = useWorkspace();
  const toast = useToast();
  const [copying, setCopying] = useState(false);
  const copy = () => {
    setCopying(true);
    client
      .call('plans.copyToNext', { id: plan.id })
      .then((next) => {
        navigate(`plans/${next.id}`);
        toast.show(`Copied to ${planPeriod(next, settings)} as a draft, with its campaigns.`, {
          action: {
            label: 'Undo',
            // The copy brought draft campaigns along; they go with it.
            run: async () => {
              const copies = await client.call('campaigns.list', { planId: next.id });
              await Promise.all(copies.map((c) => client.call('campaigns.delete', { id: c.id })));
              await client.call('plans.delete', { id: next.id });
              navigate(`plans/${plan.id}`);
            },
          },
        });
      })
      .catch((e: unknown) => toast.show(asApiError(e).message, { tone: 'error' }))
      .finally(() => setCopying(false));
  };
  const remove = () =>
    requestDelete({
      kind: 'plan',
      closesView: true,
      id: plan.id,
      name: plan.name,
      run: () =>
        client.call('plans.delete', { id: plan.id }).then(() => {
          navigate('plans');
          toast.show(`Deleted ${plan.name}.`, {
            action: {
              label: 'Undo',
              run: () =>
                void client.call('plans.restore', { id: plan.id }).then(() => navigate(`plans/${plan.id}`)),
            },
          });
        }),
    });

  return (
    <header className="page-header">
      <div>
        <h1>{plan.name}</h1>
        <p className="page-meta">
          {plan.periodKind !== 'custom' && <span className="period-chip">{planPeriod(plan, settings)}</span>}{' '}
          {format.date(plan.startDate)} – {format.date(plan.endDate)}
          {' · '}
          <label className="inline-select">
            <span className="visually-hidden">Plan status</span>
            <select
              value={plan.status}
              onChange={(e) =>
                void client.call('plans.update', {
                  id: plan.id,
                  patch: { status: e.target.value as Plan['status'] },
                })
              }
            >
              {PLAN_STATUSES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        </p>
      </div>
      <div className="toolbar">
        <button type="button" className="button" onClick={onEdit}>
          Edit plan
        </button>
        <button type="button" className="button primary" onClick={copy} disabled={copying}>
          Copy to next period
        </button>
        <button type="button" className="button danger" onClick={remove}>
          Delete
        </button>
      </div>
    </header>
  );
}
