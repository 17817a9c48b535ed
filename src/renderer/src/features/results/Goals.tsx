import type { Dashboard } from '@shared/api/results';
import { useWorkspace } from '../../lib/settings';
import { Bar } from '../campaigns/Meters';

type Goals = NonNullable<Dashboard['goals']>;
type Goal = Goals['goals'][number];

const LABELS: Record<Goal['id'], string> = { revenue: 'Revenue', leads: 'Leads', budget: 'Budget spent' };

/** The active plan's goals against actual, with the pace line: where each goal should be by today. */
export function Goals({ goals }: { goals: Dashboard['goals'] }) {
  const { format } = useWorkspace();
  if (!goals)
    return (
      <section className="card" aria-labelledby="goals-title">
        <h2 id="goals-title">Plan goals</h2>
        <p className="muted">
          No plan covers this period. Set revenue, lead and budget goals in a <a href="#/plans">plan</a> to
          see the pace here.
        </p>
      </section>
    );
  // The pace is a share of the goal, so it has fractions; leads and cents are whole.
  const amount = (goal: Goal, value: number) =>
    goal.id === 'leads' ? format.number(Math.round(value)) : format.money(Math.round(value));
  return (
    <section className="card" aria-labelledby="goals-title">
      <h2 id="goals-title">
        Plan goals · <a href={`#/plans/${goals.planId}`}>{goals.planName}</a>
      </h2>
      <ul className="goal-list">
        {goals.goals.map((goal) => {
          const label = LABELS[goal.id];
          const expected = goal.expectedByToday;
          const budget = goal.id === 'budget';
          return (
            <li key={goal.id} aria-label={`${label} goal`}>
              <div className="goal-head">
                <strong>{label}</strong>
                <span className="money">
                  {amount(goal, goal.actual)} of {amount(goal, goal.goal)}
                  {goal.attainment !== null && (
                    <span className="muted"> · {format.percent(goal.attainment)}</span>
                  )}
                </span>
              </div>
              <div className="pace-bar">
                <Bar
                  fraction={goal.attainment ?? 0}
                  label={`${label} attainment`}
                  valueText={`${amount(goal, goal.actual)} of ${amount(goal, goal.goal)}`}
                  tone={
                    budget
                      ? goal.actual > goal.goal
                        ? 'over'
                        : undefined
                      : goal.attainment !== null && goal.attainment >= 1
                        ? 'met'
                        : undefined
                  }
                />
                {expected !== null && goal.goal > 0 && (
                  <span
                    className="pace-mark"
                    style={{ left: `${Math.min(100, (expected / goal.goal) * 100)}%` }}
                    aria-hidden="true"
                    title="Where the goal should be by today"
                  />
                )}
              </div>
              {expected !== null && (
                <p className="small muted">
                  By today it should be at {amount(goal, expected)} —{' '}
                  <span
                    className={
                      goal.ahead === null ? undefined : goal.ahead !== budget ? 'tone-good' : 'tone-bad'
                    }
                  >
                    {goal.ahead === null
                      ? 'on pace'
                      : budget
                        ? goal.ahead
                          ? '▲ spending ahead of plan'
                          : '▼ spending below plan'
                        : goal.ahead
                          ? '▲ ahead of pace'
                          : '▼ behind pace'}
                  </span>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
