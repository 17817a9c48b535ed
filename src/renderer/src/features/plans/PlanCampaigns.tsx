import type { PlanVsActual } from '@shared/api/plans';
import { navigate } from '../../lib/router';
import { useWorkspace } from '../../lib/settings';
import { OverBudget } from '../campaigns/Meters';
import { channelLabel } from '../campaigns/channels';
import { CAMPAIGN_STATUSES, labelOf } from '../campaigns/choices';

/** The plan's campaigns with budget, spend (and the over-budget mark), leads and revenue so far. */
export function PlanCampaigns({ actual, onNew }: { actual: PlanVsActual | undefined; onNew(): void }) {
  const { format } = useWorkspace();
  const campaigns = actual?.campaigns ?? [];
  return (
    <section className="card" aria-labelledby="plan-campaigns-heading">
      <div className="card-header">
        <h2 id="plan-campaigns-heading">Campaigns</h2>
        <button type="button" className="button" onClick={onNew}>
          New campaign
        </button>
      </div>
      {campaigns.length === 0 ? (
        <p className="muted">
          No campaigns in this plan yet. Add one per channel push — each gets a budget, a target and a
          tracking code.
        </p>
      ) : (
        <table className="data-table" aria-label="Campaigns in this plan">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Channel</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Budget
              </th>
              <th scope="col" className="num">
                Spent
              </th>
              <th scope="col" className="num">
                Leads
              </th>
              <th scope="col" className="num">
                Revenue
              </th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr
                key={c.campaignId}
                className="clickable"
                onClick={() => navigate(`campaigns/${c.campaignId}`)}
              >
                <td>
                  <a href={`#/campaigns/${c.campaignId}`} onClick={(e) => e.stopPropagation()}>
                    {c.name}
                  </a>
                </td>
                <td>{channelLabel(c.channel)}</td>
                <td>
                  <span className={`status status-${c.status}`}>{labelOf(CAMPAIGN_STATUSES, c.status)}</span>
                </td>
                <td className="money">{format.money(c.budgetMinor)}</td>
                <td className="money">
                  {format.money(c.spendMinor)}
                  {c.overBudget && (
                    <>
                      {' '}
                      <OverBudget overspendMinor={c.overspendMinor} />
                    </>
                  )}
                </td>
                <td className="num">{format.number(c.leads)}</td>
                <td className="money">{format.money(c.revenueMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
