import { useCallback, useMemo } from 'react';
import type { ChartConfiguration, ChartType } from 'chart.js';
import type { Dashboard } from '@shared/api/results';
import { useWorkspace } from '../../lib/settings';
import { Chart } from '../../ui/charts/Chart';
import { basePlugins, categoryAxis, valueAxis } from '../../ui/charts/options';
import { colorOf, dashOf, patternFill, withAlpha } from '../../ui/charts/palette';
import { useChartTheme } from '../../ui/charts/theme';
import { bucketLabel } from './figures';

const BUCKET_WORD = { day: 'day', week: 'week', month: 'month' } as const;

/** Revenue (bars) and spend (dashed line) per bucket; the bucket still running is hatched and says "so far". */
export function TrendChart({
  data,
  onSelect,
}: {
  data: Dashboard;
  onSelect(index: number, metric: 'revenue' | 'spend'): void;
}) {
  const { format, settings } = useWorkspace();
  const theme = useChartTheme();
  const points = data.series.points;
  const nameOf = useCallback(
    (p: (typeof points)[number]) =>
      `${bucketLabel(p.start, data.series.bucket, settings.locale)}${p.partial ? ' (so far)' : ''}`,
    [data.series.bucket, settings.locale],
  );
  const config = useMemo<ChartConfiguration<ChartType>>(() => {
    const revenue = colorOf(theme, 0);
    const spend = colorOf(theme, 1);
    const labels = points.map((p) => nameOf(p));
    return {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            type: 'bar',
            label: 'Revenue',
            data: points.map((p) => p.revenueMinor),
            backgroundColor: points.map((p) =>
              p.partial ? patternFill(revenue, 'diagonal', theme.surface) : withAlpha(revenue, 0.85),
            ),
            borderColor: revenue,
            borderWidth: points.map((p) => (p.partial ? 1.5 : 0)),
            borderDash: [4, 3],
            order: 2,
          },
          {
            type: 'line',
            label: 'Spend',
            data: points.map((p) => p.spendMinor),
            borderColor: spend,
            backgroundColor: spend,
            borderDash: dashOf(1),
            borderWidth: 2,
            pointStyle: 'rectRot',
            pointRadius: points.map((p) => (p.partial ? 5 : 3)),
            pointBackgroundColor: points.map((p) => (p.partial ? theme.surface : spend)),
            segment: {
              borderColor: (ctx) => (points[ctx.p1DataIndex]?.partial ? withAlpha(spend, 0.5) : undefined),
            },
            tension: 0.2,
            order: 1,
          },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: { x: categoryAxis(theme), y: valueAxis(theme, format.money) },
        plugins: basePlugins(theme, [format.money, format.money]),
      },
    } as ChartConfiguration<ChartType>;
  }, [points, theme, format, nameOf]);

  const bucket = BUCKET_WORD[data.series.bucket];
  const total = points.reduce((s, p) => s + p.revenueMinor, 0);
  const spent = points.reduce((s, p) => s + p.spendMinor, 0);
  return (
    <section className="card chart-card wide" aria-labelledby="trend-title">
      <h2 id="trend-title">Revenue and spend by {bucket}</h2>
      {points.length === 0 ? (
        <p className="muted">Nothing in this period yet.</p>
      ) : (
        <Chart
          config={config}
          label={`Revenue and spend by ${bucket}: revenue ${format.money(total)}, spend ${format.money(spent)} over ${points.length} ${bucket}s${points.some((p) => p.partial) ? '; the last one is not over yet' : ''}.`}
          table={{
            caption: `Revenue and spend by ${bucket}`,
            columns: [BUCKET_WORD[data.series.bucket], 'Revenue', 'Spend'],
            rows: points.map((p) => [nameOf(p), format.money(p.revenueMinor), format.money(p.spendMinor)]),
          }}
          onSelect={(dataset, index) => onSelect(index, dataset === 0 ? 'revenue' : 'spend')}
        />
      )}
      {data.emptyHints.orders && (
        <p className="muted small">Import Shopify orders or Stripe payments to see revenue.</p>
      )}
      {data.emptyHints.metrics && (
        <p className="muted small">
          Log spend on a campaign, or import a Meta ads or LinkedIn report, to see spend.
        </p>
      )}
    </section>
  );
}
