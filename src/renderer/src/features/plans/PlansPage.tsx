import { useState } from 'react';
import type { PlanSummary } from '@shared/api/plans';
import { usePeriod } from '../../lib/period';
import { navigate } from '../../lib/router';
import { useWorkspace } from '../../lib/settings';
import { planPeriod } from './planPeriod';
import { useQuery } from '../../lib/useQuery';
import { EmptyState } from '../../ui/EmptyState';
import { PeriodCovers } from '../../ui/PeriodCovers';
import { SidePanel } from '../../ui/SidePanel';
import { useToast } from '../../ui/toast';
import { Bar } from '../campaigns/Meters';
import { PLAN_STATUSES, labelOf } from '../campaigns/choices';
import { useCreateRequests } from '../campaigns/useCreateRequests';
import { PlanForm } from './PlanForm';
import { PlanPage } from './PlanPage';
import './plans.css';

/** Plans: the list of plans, or one plan's page (`#/plans/<id>`). */
export function PlansPage({ params }: { params: string[] }) {
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const id = params[0];
  useCreateRequests(
    { 'new-plan': () => setCreating(true) },
    id ? undefined : { run: () => setCreating(true), description: 'New plan', scope: 'Plans' },
  );
  return (
    <>
      {id ? <PlanPage key={id} id={id} /> : <PlanList onNew={() => setCreating(true)} />}
      <SidePanel title="New plan" open={creating} onClose={() => setCreating(false)}>
        {creating && (
          <PlanForm
            onSaved={(plan) => {
              setCreating(false);
              navigate(`plans/${plan.id}`);
              toast.show(`Created ${plan.name}.`);
            }}
          />
        )}
      </SidePanel>
    </>
  );
}

function PlanList({ onNew }: { onNew(): void }) {
  const { period } = usePeriod();
  const plans = useQuery('plans.list', {});
  if (!plans.data) return null;
  const { startDate, endDate } = period.range;
  const runs = (plan: PlanSummary) => plan.startDate <= endDate && plan.endDate >= startDate;
  const current = plans.data.filter(runs);
  const others = plans.data.filter((plan) => !runs(plan));
  return (
    <div className="page marketing-page">
      <header className="page-header">
        <h1>Plans</h1>
        <div className="toolbar">
          <button type="button" className="button primary" onClick={onNew} title="New plan (n)">
            New plan
          </button>
        </div>
      </header>
      {plans.data.length === 0 ? (
        <EmptyState
          title="No plans yet"
          action={
            <button type="button" className="button primary" onClick={onNew}>
              New plan
            </button>
          }
        >
          <p>
            A plan is your marketing for one month, quarter or year on a page: what you want (revenue, leads,
            budget), where you stand (strengths, weaknesses, opportunities, threats), who you aim at and how,
            which channels get the money, and the campaigns that do the work.
          </p>
          <p>
            Once it runs, the plan shows goals against actual as leads come in and deals are won — and copies
            itself to the next period.
          </p>
        </EmptyState>
      ) : (
        <>
          <PeriodCovers prefix="Plans running in" />
          {current.length > 0 && <PlanTable plans={current} label="Plans in this period" />}
          {current.length === 0 && <p className="muted">No plan runs in this period.</p>}
          {others.length > 0 && (
            <>
              <h2 className="plans-other">Other periods</h2>
              <PlanTable plans={others} label="Plans of other periods" />
            </>
          )}
        </>
      )}
    </div>
  );
}

/** The plans of one group, newest period first as the list comes. */
function PlanTable({ plans, label }: { plans: PlanSummary[]; label: string }) {
  const { format, settings } = useWorkspace();
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Plan</th>
          <th scope="col">Period</th>
          <th scope="col">Status</th>
          <th scope="col">Progress</th>
          <th scope="col" className="num">
            Campaigns
          </th>
          <th scope="col" className="num">
            Revenue goal
          </th>
        </tr>
      </thead>
      <tbody>
        {plans.map((plan) => (
          <tr key={plan.id} className="clickable" onClick={() => navigate(`plans/${plan.id}`)}>
            <td>
              <a href={`#/plans/${plan.id}`} onClick={(e) => e.stopPropagation()}>
                {plan.name}
              </a>
            </td>
            <td>
              {/* A custom period's label is its dates, which the formatted range already says. */}
              {plan.periodKind !== 'custom' && (
                <span className="period-chip">{planPeriod(plan, settings)}</span>
              )}{' '}
              <span className="muted">
                {format.date(plan.startDate)} – {format.date(plan.endDate)}
              </span>
            </td>
            <td>
              <span className={`status status-${plan.status}`}>{labelOf(PLAN_STATUSES, plan.status)}</span>
            </td>
            <td className="progress-cell">
              <Bar
                fraction={plan.progress.total ? plan.progress.done / plan.progress.total : 0}
                label={`${plan.name} checklist`}
                valueText={`${plan.progress.done} of ${plan.progress.total} ${plan.progress.total === 1 ? 'task' : 'tasks'} done`}
              />
              <span className="muted small">
                {plan.progress.done}/{plan.progress.total}
              </span>
            </td>
            <td className="num">{format.number(plan.campaignCount)}</td>
            <td className="money">
              {plan.goals.revenueMinor === null ? '—' : format.money(plan.goals.revenueMinor)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
