import type { Dashboard } from '@shared/api/results';
import { useWorkspace } from '../../lib/settings';

type Step = Dashboard['funnel']['steps'][number];

/** Visits → leads → qualified → won, with the rate of each step and the largest drop named in words. */
export function Funnel({ funnel, visitsMissing }: { funnel: Dashboard['funnel']; visitsMissing: boolean }) {
  const { format } = useWorkspace();
  return (
    <section className="card funnel" aria-labelledby="funnel-title">
      <h2 id="funnel-title">Funnel</h2>
      <p className="muted small">Each bar is the share of the step above it.</p>
      <ol className="funnel-steps">
        {funnel.steps.map((step: Step, i) => {
          const largest = funnel.largestDropIndex === i;
          return (
            <li key={step.id} className={largest ? 'largest-drop' : undefined}>
              <div className="funnel-row">
                <span className="funnel-label">{step.label}</span>
                <span className="funnel-value money">
                  {step.value === null ? '—' : format.number(step.value)}
                </span>
              </div>
              <div className="funnel-bar" aria-hidden="true">
                <span style={{ width: `${barShare(step, i) * 100}%` }} />
              </div>
              {i > 0 && (
                <p className="funnel-rate">
                  {step.rateFromPrevious === null ? '—' : format.percent(step.rateFromPrevious)} of{' '}
                  {funnel.steps[i - 1]?.label.toLowerCase()}
                  {largest && (
                    <strong className="drop-mark">
                      {' '}
                      <span aria-hidden="true">⚠</span> Largest drop
                    </strong>
                  )}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {visitsMissing && <p className="muted small">Import a GA4 traffic report to see visits.</p>}
    </section>
  );
}

/**
 * Each bar shows the share of the step before it (the first is whole): visits outnumber won deals by a
 * thousand to one, so bars on one scale would leave every step after the first invisible.
 */
function barShare(step: Step, index: number): number {
  if (index === 0) return step.value === null ? 0 : 1;
  return Math.max(step.value ? 0.01 : 0, Math.min(1, step.rateFromPrevious ?? 0));
}
