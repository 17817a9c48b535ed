import { useMemo, useRef, useState } from 'react';
import type { ChartConfiguration, ChartType } from 'chart.js';
import type { Dashboard } from '@shared/api/results';
import type { Formatter } from '@shared/domain/format';
import { Chart } from '../../ui/charts/Chart';
import { basePlugins, categoryAxis, valueAxis } from '../../ui/charts/options';
import { colorOf, dashOf, LIGHT_THEME, patternFill, withAlpha } from '../../ui/charts/palette';

/** Fits the content width of both A4 and Letter at the report's margins (CSS pixels). */
const CHART_WIDTH = 680;
const CHART_HEIGHT = 230;
// Print is always the light theme: the PDF goes on white paper, often in grey-scale.
const theme = LIGHT_THEME;

/**
 * A chart drawn once at a fixed size (animation off, device pixel ratio 2), then replaced by an image of
 * itself: a canvas may print blank or blurred, an image prints exactly what was drawn.
 */
function PrintChart({
  id,
  title,
  label,
  config,
  onReady,
}: {
  id: string;
  title: string;
  label: string;
  config: ChartConfiguration<ChartType>;
  onReady(id: string): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [image, setImage] = useState<string | null>(null);
  return (
    <figure className="report-chart" data-chart={id}>
      <h3>{title}</h3>
      <div ref={box} style={{ width: CHART_WIDTH, height: CHART_HEIGHT }}>
        {image ? (
          <img src={image} alt={label} width={CHART_WIDTH} height={CHART_HEIGHT} onLoad={() => onReady(id)} />
        ) : (
          <Chart
            static
            config={config}
            label={label}
            width={CHART_WIDTH}
            height={CHART_HEIGHT}
            onRendered={() => {
              const canvas = box.current?.querySelector('canvas');
              if (canvas && !image) setImage(canvas.toDataURL('image/png'));
            }}
          />
        )}
      </div>
    </figure>
  );
}

export function chartIds(d: Dashboard): string[] {
  const ids: string[] = [];
  if (d.series.points.length > 0) ids.push('trend');
  if (d.funnel.steps.some((s) => s.id !== 'visits' && (s.value ?? 0) > 0)) ids.push('funnel');
  if (d.visitsVsSales.daily.length > 0) ids.push('visits');
  return ids;
}

export function ReportCharts({
  data,
  format,
  onReady,
}: {
  data: Dashboard;
  format: Formatter;
  onReady(id: string): void;
}) {
  const ids = chartIds(data);
  const trend = useMemo(() => trendConfig(data, format), [data, format]);
  const funnel = useMemo(() => funnelConfig(data, format), [data, format]);
  const visits = useMemo(() => visitsConfig(data, format), [data, format]);
  const bucket = data.series.bucket;
  if (ids.length === 0) return <p className="muted">No chart has data in this period.</p>;
  return (
    <>
      {ids.includes('trend') && (
        <PrintChart
          id="trend"
          title={`Revenue and spend by ${bucket}`}
          label={`Revenue (bars) and spend (dashed line) by ${bucket}`}
          config={trend}
          onReady={onReady}
        />
      )}
      {ids.includes('funnel') && (
        <PrintChart
          id="funnel"
          title="Funnel: leads, qualified, won"
          label="Funnel from leads to won deals"
          config={funnel}
          onReady={onReady}
        />
      )}
      {ids.includes('visits') && (
        <>
          <PrintChart
            id="visits"
            title="Website visits and sales per day"
            label="Daily visits (solid) and sales (dashed)"
            config={visits}
            onReady={onReady}
          />
          <p className="report-caveat">
            {data.visitsVsSales.status === 'ok' ? `${data.visitsVsSales.sentence} ` : ''}
            Correlation, not causation: other things change on the same days.
          </p>
        </>
      )}
    </>
  );
}

function trendConfig(d: Dashboard, format: Formatter): ChartConfiguration<ChartType> {
  const points = d.series.points;
  const revenue = colorOf(theme, 0);
  const spend = colorOf(theme, 1);
  return {
    type: 'bar',
    data: {
      labels: points.map((p) => (p.partial ? `${p.label} (so far)` : p.label)),
      datasets: [
        {
          type: 'bar',
          label: 'Revenue',
          data: points.map((p) => p.revenueMinor),
          backgroundColor: points.map((p) =>
            p.partial ? patternFill(revenue, 'diagonal', theme.surface) : withAlpha(revenue, 0.85),
          ),
          borderColor: revenue,
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
          pointRadius: 3,
          order: 1,
        },
      ],
    },
    options: {
      scales: { x: categoryAxis(theme), y: valueAxis(theme, format.money) },
      plugins: basePlugins(theme, [format.money, format.money]),
    },
  } as ChartConfiguration<ChartType>;
}

function funnelConfig(d: Dashboard, format: Formatter): ChartConfiguration<ChartType> {
  // Visits run a hundred times the leads and have their own chart: the bars start at leads.
  const steps = d.funnel.steps.filter((s) => s.id !== 'visits');
  return {
    type: 'bar',
    data: {
      labels: steps.map((s) => s.label),
      datasets: [
        {
          label: 'Count',
          data: steps.map((s) => s.value ?? 0),
          backgroundColor: steps.map((_, i) => patternFill(colorOf(theme, i), 'diagonal', theme.surface)),
          borderColor: steps.map((_, i) => colorOf(theme, i)),
          borderWidth: 1.5,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: { x: valueAxis(theme, format.number), y: categoryAxis(theme) },
      plugins: { ...basePlugins(theme, [format.number]), legend: { display: false } },
    },
  } as ChartConfiguration<ChartType>;
}

function visitsConfig(d: Dashboard, format: Formatter): ChartConfiguration<ChartType> {
  const daily = d.visitsVsSales.daily;
  const count = (v: number) => format.number(v);
  return {
    type: 'line',
    data: {
      labels: daily.map((p) => format.date(p.date)),
      datasets: [
        {
          label: 'Visits',
          data: daily.map((p) => p.visits),
          borderColor: colorOf(theme, 0),
          borderWidth: 1.5,
          pointRadius: 0,
          yAxisID: 'y',
        },
        {
          label: 'Sales',
          data: daily.map((p) => p.sales),
          borderColor: colorOf(theme, 1),
          borderDash: dashOf(1),
          borderWidth: 1.5,
          pointRadius: 0,
          yAxisID: 'y1',
        },
      ],
    },
    options: {
      scales: {
        x: { ...categoryAxis(theme), ticks: { ...categoryAxis(theme).ticks, maxTicksLimit: 8 } },
        y: valueAxis(theme, count, { title: { display: true, text: 'Visits per day', color: theme.muted } }),
        y1: valueAxis(theme, count, {
          position: 'right',
          grid: { display: false },
          title: { display: true, text: 'Sales per day', color: theme.muted },
        }),
      },
      plugins: basePlugins(theme, [count, count]),
    },
  } as ChartConfiguration<ChartType>;
}
