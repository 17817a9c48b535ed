import { useMemo, useState } from 'react';
import type { ChartConfiguration, ChartType } from 'chart.js';
import type { CampaignRow } from '@shared/api/results';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { Chart } from '../../ui/charts/Chart';
import { basePlugins, categoryAxis, valueAxis } from '../../ui/charts/options';
import { colorOf, dashOf } from '../../ui/charts/palette';
import { useChartTheme } from '../../ui/charts/theme';
import type { Scope } from './options';

/** Per campaign: cumulative attributed revenue against cumulative spend by week since launch. */
export function Payback({
  campaigns,
  scope,
  modelLabel,
}: {
  campaigns: CampaignRow[];
  scope: Scope;
  modelLabel: string;
}) {
  const withSpend = campaigns.filter((c) => c.spendMinor > 0);
  const [chosen, setChosen] = useState<string | null>(null);
  const campaignId =
    chosen && withSpend.some((c) => c.campaignId === chosen) ? chosen : withSpend[0]?.campaignId;
  return (
    <section className="card wide" aria-labelledby="payback-title">
      <h2 id="payback-title">
        Payback <span className="model-note">· {modelLabel}</span>
      </h2>
      {!campaignId ? (
        <p className="muted">
          No campaign has spend in this period. Log spend on a campaign to see when it pays back.
        </p>
      ) : (
        <>
          <label className="control">
            <span>Campaign</span>
            <select value={campaignId} onChange={(e) => setChosen(e.target.value)}>
              {withSpend.map((c) => (
                <option key={c.campaignId} value={c.campaignId}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <PaybackChart campaignId={campaignId} scope={scope} />
        </>
      )}
    </section>
  );
}

function PaybackChart({ campaignId, scope }: { campaignId: string; scope: Scope }) {
  const { format } = useWorkspace();
  const theme = useChartTheme();
  const answer = useQuery('results.payback', {
    campaignId,
    model: scope.model,
    lookbackDays: scope.lookbackDays,
  });
  const weeks = answer.data?.weeks;
  const config = useMemo<ChartConfiguration<ChartType>>(() => {
    const list = weeks ?? [];
    const revenue = colorOf(theme, 0);
    const spend = colorOf(theme, 1);
    return {
      type: 'line',
      data: {
        labels: list.map((w) => `Week ${w.week}`),
        datasets: [
          {
            label: 'Revenue so far',
            data: list.map((w) => w.cumulativeRevenueMinor),
            borderColor: revenue,
            backgroundColor: revenue,
            borderWidth: 2,
            pointRadius: 2,
          },
          {
            label: 'Spend so far',
            data: list.map((w) => w.cumulativeSpendMinor),
            borderColor: spend,
            backgroundColor: spend,
            borderDash: dashOf(1),
            borderWidth: 2,
            pointRadius: 2,
            pointStyle: 'rectRot',
          },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: { x: categoryAxis(theme), y: valueAxis(theme, format.money) },
        plugins: basePlugins(theme, [format.money, format.money], (i) => {
          const w = list[i];
          return w ? `Week ${w.week} (from ${format.date(w.start)})` : '';
        }),
      },
    } as ChartConfiguration<ChartType>;
  }, [weeks, theme, format]);
  if (answer.error) return <p role="alert">{answer.error.message}</p>;
  if (!answer.data) return null;
  const week = answer.data.paybackWeek;
  const last = answer.data.weeks.at(-1);
  return (
    <>
      <p className="payback-verdict">
        {week === null ? (
          <>
            <span aria-hidden="true">⏳ </span>Not paid back yet
            {last &&
              ` — ${format.money(last.cumulativeRevenueMinor)} back of ${format.money(last.cumulativeSpendMinor)} spent`}
          </>
        ) : (
          <>
            <span aria-hidden="true">✓ </span>Paid back in week {week}
          </>
        )}
      </p>
      {answer.data.weeks.length > 0 && (
        <Chart
          config={config}
          height={200}
          label={`Cumulative revenue against cumulative spend by week since launch: ${week === null ? 'not paid back yet' : `paid back in week ${week}`}.`}
          table={{
            caption: 'Payback by week',
            columns: ['Week', 'Revenue so far', 'Spend so far'],
            rows: answer.data.weeks.map((w) => [
              `Week ${w.week}`,
              format.money(w.cumulativeRevenueMinor),
              format.money(w.cumulativeSpendMinor),
            ]),
          }}
        />
      )}
    </>
  );
}
