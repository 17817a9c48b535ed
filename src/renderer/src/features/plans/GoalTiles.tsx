import type { PlanVsActual } from '@shared/api/plans';
import { useWorkspace } from '../../lib/settings';
import { Bar, OverBudget } from '../campaigns/Meters';

type Goal = PlanVsActual['goals'][number];

const LABELS: Record<Goal['key'], string> = {
  revenue: 'Revenue',
  leads: 'Leads',
  qualifiedLeads: 'Qualified leads',
  budget: 'Budget spent',
};

/** Each goal against the live numbers of the plan's period, with its attainment as a bar and a percentage. */
export function GoalTiles({ actual, onSetGoals }: { actual: PlanVsActual | undefined; onSetGoals(): void }) {
  const { format } = useWorkspace();
  if (!actual) return <div className="tiles" aria-hidden="true" />;
  const amount = (goal: Goal, value: number) =>
    goal.unit === 'money' ? format.money(value) : format.number(value);

  return (
    <>
      <div className="tiles" role="group" aria-label="Goals against actual">
        {actual.goals.map((goal) => {
          const label = LABELS[goal.key];
          const isBudget = goal.key === 'budget';
          const over = isBudget && actual.overBudget;
          const met = !isBudget && goal.attainment !== null && goal.attainment >= 1;
          return (
            <section key={goal.key} className="tile goal-tile" aria-label={`${label} goal`}>
              <h3 className="tile-label">{label}</h3>
              <p className="tile-value money">{amount(goal, goal.actual)}</p>
              {goal.goal === null ? (
                <p className="tile-detail">
                  No goal set.{' '}
                  <button type="button" className="link-button" onClick={onSetGoals}>
                    Set goals
                  </button>
                </p>
              ) : (
                <>
                  <Bar
                    fraction={goal.attainment ?? 0}
                    label={`${label} attainment`}
                    valueText={`${amount(goal, goal.actual)} of ${amount(goal, goal.goal)}`}
                    tone={over ? 'over' : met ? 'met' : undefined}
                  />
                  <p className="tile-detail">
                    <span className="attainment">
                      {goal.attainment === null ? '—' : format.percent(goal.attainment)}
                    </span>{' '}
                    of {amount(goal, goal.goal)}
                    {met && <span className="goal-met"> · ✓ goal met</span>}
                  </p>
                  {over && <OverBudget overspendMinor={actual.overspendMinor} />}
                </>
              )}
            </section>
          );
        })}
      </div>
      <p className="muted small tiles-note">
        Actual is the whole business in the plan’s period, live; the campaigns below show their own share.
      </p>
    </>
  );
}
