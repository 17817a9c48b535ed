import type { CampaignMetrics } from '@shared/api/campaigns';
import { useWorkspace } from '../../lib/settings';
import { metricsSpan } from './overlap';

/** Reach, impressions and clicks that ad and social imports brought for the campaign. */
export function ImportedMetrics({ metrics }: { metrics: CampaignMetrics }) {
  const { format } = useWorkspace();
  const span = metricsSpan(metrics, format);
  if (!span) return null;
  const figures = [
    { label: 'Reach', value: metrics.reach },
    { label: 'Impressions', value: metrics.impressions },
    { label: 'Clicks', value: metrics.clicks },
  ];
  return (
    <section className="card" aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">Reach, impressions and clicks</h2>
      <dl className="imported-metrics">
        {figures.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd className="num">{f.value === null ? '—' : format.number(f.value)}</dd>
          </div>
        ))}
      </dl>
      <p className="field-hint">Imported from {span}; reach is summed over the days.</p>
    </section>
  );
}
