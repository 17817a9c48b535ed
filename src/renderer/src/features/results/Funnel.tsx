import type { Dashboard } from '@shared/api/results';
import { useWorkspace } from '../../lib/settings';

type Step = Dashboard['funnel']['steps'][number];

/** Visits → leads → qualified → won, with the rate of each step and the largest drop named in words. */
export function Funnel({ funnel, visitsMissing }: { funnel: Dashboard['funnel']; visitsMissing: boolean }) {
  const { format } = useWorkspace();
  const max = Math.max(1, ...funnel.steps.map((s) => s.value ?? 0));
  return (
    <section className="card funnel" aria-labelledby="funnel-title">
      <h2 id="funnel-title">Funnel</h2>
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
                <span style={{ width: `${((step.value ?? 0) / max) * 100}%` }} />
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
