import {
  Chart,
  type ChartOptions,
  type ChartType,
  type LegendItem,
  type Plugin,
  type ScaleOptions,
  type TooltipItem,
} from 'chart.js';
import type { ChartTheme } from './palette';

/** Formats one axis value: money in the workspace currency, counts in its locale. */
export type ValueFormat = (value: number) => string;

type LinearScale = ScaleOptions<'linear'>;

/** A value axis in the theme's colours with ticks written by the workspace formatter. */
export function valueAxis(theme: ChartTheme, format: ValueFormat, extra: LinearScale = {}): LinearScale {
  return {
    type: 'linear',
    beginAtZero: true,
    grid: { color: theme.grid },
    border: { color: theme.grid },
    ticks: { color: theme.muted, callback: (v) => format(Number(v)), maxTicksLimit: 6 },
    ...extra,
  };
}

export function categoryAxis(theme: ChartTheme): ScaleOptions<'category'> {
  return {
    type: 'category',
    grid: { display: false },
    border: { color: theme.grid },
    ticks: { color: theme.muted, maxRotation: 0, autoSkip: true, autoSkipPadding: 12 },
  };
}

/**
 * Legend and tooltip in the theme; each tooltip line is formatted by its dataset's axis (`formats` by
 * dataset index), so money shows as money and visits as a count.
 */
export function basePlugins(
  theme: ChartTheme,
  formats: ValueFormat[],
  titleOf?: (index: number) => string,
): ChartOptions<'line'>['plugins'] {
  return {
    legend: {
      position: 'bottom',
      labels: {
        color: theme.text,
        boxWidth: 28,
        boxHeight: 10,
        padding: 14,
        usePointStyle: true,
        pointStyleWidth: 28,
        generateLabels: legendItems,
      },
    },
    tooltip: {
      backgroundColor: theme.scheme === 'dark' ? '#2b2b31' : '#1d1d21',
      titleColor: '#ffffff',
      bodyColor: '#ffffff',
      callbacks: {
        title: titleOf ? (items: TooltipItem<ChartType>[]) => titleOf(items[0]?.dataIndex ?? 0) : undefined,
        label: (item: TooltipItem<ChartType>) => {
          const format = formats[item.datasetIndex] ?? formats[0] ?? String;
          const raw = item.raw;
          const parsed = item.parsed as { x?: number; y?: number };
          const value = typeof raw === 'number' ? raw : Number(parsed.y ?? parsed.x);
          return `${(item.dataset as { label?: string }).label ?? ''}: ${raw === null ? 'no data' : format(value)}`;
        },
      },
    },
  };
}

export interface Marker {
  /** Index on the category axis. */
  index: number;
  label: string;
}

/** Vertical dashed rules with a short label at the top, for campaign launches on a daily chart. */
export function markersPlugin(markers: Marker[], theme: ChartTheme): Plugin {
  return {
    id: 'tandemMarkers',
    afterDatasetsDraw(chart) {
      const x = chart.scales.x;
      const area = chart.chartArea;
      if (!x || markers.length === 0) return;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = theme.muted;
      ctx.fillStyle = theme.text;
      ctx.setLineDash([3, 3]);
      ctx.lineWidth = 1;
      ctx.font = '11px system-ui, sans-serif';
      let lastLabelEnd = -Infinity;
      let row = 0;
      for (const marker of markers) {
        const px = x.getPixelForValue(marker.index);
        if (px < area.left || px > area.right) continue;
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        // Labels that would overlap the previous one go one line lower.
        row = px < lastLabelEnd ? (row + 1) % 3 : 0;
        const text = `▾ ${marker.label}`;
        ctx.fillText(text, px + 2, area.top + 10 + row * 12);
        lastLabelEnd = px + ctx.measureText(text).width + 6;
      }
      ctx.restore();
    },
  };
}

/**
 * Legend keys drawn like their series: a line dataset shows a stroke with its own dash, a bar a filled box
 * with its pattern, so the key matches the chart in grey-scale too.
 */
function legendItems(chart: Chart): LegendItem[] {
  return Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => {
    const dataset = chart.data.datasets[item.datasetIndex ?? 0] as { type?: string } | undefined;
    const line = (dataset?.type ?? (chart.config as { type?: string }).type) === 'line';
    return line ? { ...item, pointStyle: 'line', lineWidth: 3 } : { ...item, pointStyle: 'rect' };
  });
}
