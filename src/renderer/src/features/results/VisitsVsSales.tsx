import { useMemo } from 'react';
import type { ChartConfiguration, ChartType } from 'chart.js';
import type { VisitsVsSalesOut } from '@shared/api/results';
import { useWorkspace } from '../../lib/settings';
import { Chart } from '../../ui/charts/Chart';
import { basePlugins, categoryAxis, markersPlugin, valueAxis } from '../../ui/charts/options';
import { colorOf, dashOf } from '../../ui/charts/palette';
import { useChartTheme } from '../../ui/charts/theme';

/** Do days with more visits than usual line up with more sales some days later? Said carefully. */
export function VisitsVsSales({ data }: { data: VisitsVsSalesOut }) {
  const { format } = useWorkspace();
  const theme = useChartTheme();
  const daily = data.daily;
  const config = useMemo<ChartConfiguration<ChartType>>(() => {
    const visits = colorOf(theme, 0);
    const sales = colorOf(theme, 1);
    const index = new Map(daily.map((d, i) => [d.date, i]));
    const markers = data.launches.flatMap((l) => {
      const i = index.get(l.date);
      return i === undefined ? [] : [{ index: i, label: l.name }];
    });
    const count = (v: number) => format.number(v);
    return {
      type: 'line',
      data: {
        labels: daily.map((d) => format.date(d.date)),
        datasets: [
          {
            label: 'Visits',
            data: daily.map((d) => d.visits),
            borderColor: visits,
            backgroundColor: visits,
            borderWidth: 1.5,
            pointRadius: 0,
            spanGaps: false,
            yAxisID: 'y',
          },
          {
            label: 'Sales',
            data: daily.map((d) => d.sales),
            borderColor: sales,
            backgroundColor: sales,
            borderDash: dashOf(1),
            borderWidth: 1.5,
            pointRadius: 0,
            yAxisID: 'y1',
          },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { ...categoryAxis(theme), ticks: { ...categoryAxis(theme).ticks, maxTicksLimit: 8 } },
          y: valueAxis(theme, count, {
            title: { display: true, text: 'Visits per day', color: theme.muted },
          }),
          y1: valueAxis(theme, count, {
            position: 'right',
            grid: { display: false },
            title: { display: true, text: 'Sales per day', color: theme.muted },
          }),
        },
        plugins: basePlugins(theme, [count, count]),
      },
      plugins: [markersPlugin(markers, theme)],
    } as ChartConfiguration<ChartType>;
  }, [daily, data.launches, theme, format]);

  return (
    <section className="card wide" aria-labelledby="vvs-title">
      <h2 id="vvs-title">Website visits and sales</h2>
      {data.status === 'no_visits' ? (
        <p className="muted">
          Import a GA4 traffic report (daily, with the Date dimension) to see visits against sales.
        </p>
      ) : data.status === 'no_sales' ? (
        <p className="muted">Import Shopify orders or Stripe payments to see sales against visits.</p>
      ) : (
        <>
          {data.status === 'not_enough_history' ? (
            <p className="vvs-sentence" role="note">
              Not enough history yet (need {data.needDays} days, have {data.haveDays}).
            </p>
          ) : (
            <p className="vvs-sentence">{data.sentence}</p>
          )}
          {data.status === 'ok' && (
            <p className="muted small">
              {data.significant ? 'Stronger than chance' : 'Not stronger than chance'}
              {data.threshold !== null && ` (|r| above ${data.threshold.toFixed(2)} needed, 15 lags tested)`}
              {data.rRaw !== null && ` · on the raw daily numbers r = ${data.rRaw.toFixed(2)}`}
              {data.spearman !== null && ` · Spearman ${data.spearman.toFixed(2)}`}
              {data.salesLeadVisits && ' · sales moved before visits here, so visits did not lead'}
            </p>
          )}
          {daily.length > 0 && (
            <Chart
              config={config}
              height={240}
              label={`Daily visits and sales over ${daily.length} days${data.launches.length > 0 ? `, with ${data.launches.length} campaign launches marked` : ''}. ${data.status === 'ok' ? data.sentence : ''}`}
            />
          )}
          {data.launches.length > 0 && (
            <p className="muted small">
              ▾ marks a campaign launch:{' '}
              {data.launches.map((l) => `${l.name} (${format.date(l.date)})`).join(', ')}.
            </p>
          )}
        </>
      )}
      <p className="vvs-footer small">Correlation, not causation: other things change on the same days.</p>
    </section>
  );
}
