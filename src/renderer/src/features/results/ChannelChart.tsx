import { useMemo } from 'react';
import type { ChartConfiguration, ChartType } from 'chart.js';
import type { Dashboard } from '@shared/api/results';
import { useWorkspace } from '../../lib/settings';
import { Chart } from '../../ui/charts/Chart';
import { basePlugins, categoryAxis, valueAxis } from '../../ui/charts/options';
import { colorOf, patternFill } from '../../ui/charts/palette';
import { useChartTheme } from '../../ui/charts/theme';
import { channelLabel } from '../campaigns/channels';

/** Spend against attributed revenue per channel; a bar opens its records. */
export function ChannelChart({
  data,
  onSelect,
}: {
  data: Dashboard;
  onSelect(channel: string, metric: 'revenue' | 'spend' | 'leads'): void;
}) {
  const { format } = useWorkspace();
  const theme = useChartTheme();
  const rows = data.channels;
  const config = useMemo<ChartConfiguration<ChartType>>(() => {
    const spend = colorOf(theme, 1);
    const revenue = colorOf(theme, 0);
    return {
      type: 'bar',
      data: {
        labels: rows.map((r) => channelLabel(r.channel)),
        datasets: [
          {
            label: 'Spend',
            data: rows.map((r) => r.spendMinor),
            backgroundColor: patternFill(spend, 'diagonal', theme.surface),
            borderColor: spend,
            borderWidth: 1.5,
          },
          {
            label: `Revenue (${data.modelLabel})`,
            data: rows.map((r) => r.revenueMinor),
            backgroundColor: revenue,
            borderColor: revenue,
            borderWidth: 1.5,
          },
        ],
      },
      options: {
        scales: { x: categoryAxis(theme), y: valueAxis(theme, format.money) },
        plugins: basePlugins(theme, [format.money, format.money]),
      },
    } as ChartConfiguration<ChartType>;
  }, [rows, theme, format, data.modelLabel]);

  return (
    <section className="card chart-card" aria-labelledby="channels-title">
      <h2 id="channels-title">
        Channels <span className="model-note">· {data.modelLabel}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">No channel has spend, leads or revenue in this period.</p>
      ) : (
        <>
          <Chart
            config={config}
            height={220}
            label={`Spend and revenue by channel: ${rows
              .map(
                (r) =>
                  `${channelLabel(r.channel)} ${format.money(r.spendMinor)} spent, ${format.money(r.revenueMinor)} revenue`,
              )
              .join('; ')}.`}
            onSelect={(dataset, index) => {
              const row = rows[index];
              if (row) onSelect(row.channel, dataset === 0 ? 'spend' : 'revenue');
            }}
          />
          <table className="data-table compact" aria-label="Channels">
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col" className="num">
                  Spend
                </th>
                <th scope="col" className="num">
                  Leads
                </th>
                <th scope="col" className="num">
                  Quality
                </th>
                <th scope="col" className="num">
                  Revenue
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.channel}>
                  <th scope="row">{channelLabel(r.channel)}</th>
                  <td className="money">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onSelect(r.channel, 'spend')}
                    >
                      {format.money(r.spendMinor)}
                    </button>
                  </td>
                  <td className="num">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onSelect(r.channel, 'leads')}
                    >
                      {format.number(r.leads)}
                    </button>
                  </td>
                  <td className="num">{r.averageRating === null ? '—' : r.averageRating.toFixed(1)}</td>
                  <td className="money">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onSelect(r.channel, 'revenue')}
                    >
                      {format.money(r.revenueMinor)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
