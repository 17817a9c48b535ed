import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery as useTanstackQuery } from '@tanstack/react-query';
import type { ChartConfiguration, ChartType } from 'chart.js';
import type { VisitsScope, VisitsVsSalesOut } from '@shared/api/visits';
import { CHANNELS, type Channel } from '@shared/domain/utm';
import { useWorkspace } from '../../lib/settings';
import { methodQuery, useQuery } from '../../lib/useQuery';
import { channelLabel } from '../campaigns/channels';
import { Chart } from '../../ui/charts/Chart';
import { basePlugins, categoryAxis, markersPlugin, valueAxis } from '../../ui/charts/options';
import { colorOf, dashOf } from '../../ui/charts/palette';
import { useChartTheme } from '../../ui/charts/theme';

const BUSINESS_CAVEAT =
  'Visits: the whole site per day (or its channels added up). Sales: paid orders and succeeded payments per day.';

/** The picker's value: `business`, `channel:<channel>` or `page:<path>`. */
function scopeOf(pick: string): VisitsScope {
  if (pick.startsWith('channel:')) {
    const channel = pick.slice('channel:'.length);
    if ((CHANNELS as readonly string[]).includes(channel))
      return { kind: 'channel', channel: channel as Channel };
  }
  if (pick.startsWith('page:')) return { kind: 'page', path: pick.slice('page:'.length) };
  return { kind: 'business' };
}

function seriesNames(scope: VisitsScope): { visits: string; sales: string } {
  if (scope.kind === 'channel') {
    const name = channelLabel(scope.channel);
    return { visits: `Visits from ${name}`, sales: `Sales from ${name}` };
  }
  if (scope.kind === 'page') return { visits: `Views of ${scope.path}`, sales: 'Sales' };
  return { visits: 'Visits', sales: 'Sales' };
}

/**
 * Do days with more visits than usual line up with more sales some days later? Said carefully, for the
 * business (the dashboard's own answer), one channel's visits and sales, or one page's views.
 */
export function VisitsVsSales({
  business,
  to,
  lookbackDays,
}: {
  business: VisitsVsSalesOut;
  to: string;
  lookbackDays: number;
}) {
  const [pick, setPick] = useState('business');
  const scopes = useQuery('results.visitScopes', { to });
  const scope = scopeOf(pick);
  const scoped = useTanstackQuery({
    ...methodQuery('results.visitsVsSales', { to, scope, lookbackDays }),
    enabled: scope.kind !== 'business',
    placeholderData: keepPreviousData,
  });
  const data = scope.kind === 'business' ? business : (scoped.data ?? business);
  const caveat = scope.kind === 'business' ? BUSINESS_CAVEAT : scoped.data?.caveat;
  const names = seriesNames(
    scope.kind === 'business' || !scoped.data ? { kind: 'business' } : scoped.data.scope,
  );
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
            label: names.visits,
            data: daily.map((d) => d.visits),
            borderColor: visits,
            backgroundColor: visits,
            borderWidth: 1.5,
            pointRadius: 0,
            spanGaps: false,
            yAxisID: 'y',
          },
          {
            label: names.sales,
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
            title: { display: true, text: `${names.visits} per day`, color: theme.muted },
          }),
          y1: valueAxis(theme, count, {
            position: 'right',
            grid: { display: false },
            title: { display: true, text: `${names.sales} per day`, color: theme.muted },
          }),
        },
        plugins: basePlugins(theme, [count, count]),
      },
      plugins: [markersPlugin(markers, theme)],
    } as ChartConfiguration<ChartType>;
  }, [daily, data.launches, theme, format, names.visits, names.sales]);

  return (
    <section className="card wide" aria-labelledby="vvs-title">
      <div className="vvs-head">
        <h2 id="vvs-title">Website visits and sales</h2>
        <label className="vvs-scope">
          <span>Visits of</span>
          <select value={pick} onChange={(e) => setPick(e.target.value)} aria-label="Visits of">
            <option value="business">The whole business</option>
            {(scopes.data?.channels.length ?? 0) > 0 && (
              <optgroup label="Channels">
                {scopes.data!.channels.map((c) => (
                  <option key={c.channel} value={`channel:${c.channel}`}>
                    {channelLabel(c.channel)}
                  </option>
                ))}
              </optgroup>
            )}
            {(scopes.data?.pages.length ?? 0) > 0 && (
              <optgroup label="Pages">
                {scopes.data!.pages.map((p) => (
                  <option key={p.path} value={`page:${p.path}`}>
                    {p.path}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
      </div>
      {scoped.error && scope.kind !== 'business' && (
        <p role="alert">These visits could not be lined up with sales: {scoped.error.message}</p>
      )}
      {data.status === 'no_visits' ? (
        <p className="muted">
          {scope.kind === 'page'
            ? 'Import a GA4 Pages and screens report (daily, with the Date dimension) to see page views against sales.'
            : 'Import a GA4 traffic report (daily, with the Date dimension) to see visits against sales.'}
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
              label={`Daily ${names.visits.toLowerCase()} and ${names.sales.toLowerCase()} over ${format.count(daily.length, 'day', 'days')}${data.launches.length > 0 ? `, with ${format.count(data.launches.length, 'campaign launch', 'campaign launches')} marked` : ''}. ${data.status === 'ok' ? data.sentence : ''}`}
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
      {caveat && <p className="vvs-caveat muted small">{caveat}</p>}
      <p className="vvs-footer small">Correlation, not causation: other things change on the same days.</p>
    </section>
  );
}
