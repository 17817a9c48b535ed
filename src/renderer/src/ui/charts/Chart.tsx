import { useEffect, useRef } from 'react';
import type { ActiveElement, ChartConfiguration, ChartEvent, ChartType, Plugin } from 'chart.js';
import { Chart as ChartJs } from './register';
import { ChartTable, type ChartTableData } from './ChartTable';

export interface ChartProps {
  config: ChartConfiguration<ChartType>;
  /** What the chart shows, in one sentence, for screen readers (the canvas is an image to them). */
  label: string;
  /** The same numbers as a visually hidden table. */
  table?: ChartTableData;
  /** Height in CSS pixels; the width follows the container unless the chart is static. */
  height?: number;
  /**
   * For printing: no animation, a fixed size and a device pixel ratio of 2 so the PDF stays sharp;
   * `onRendered` fires once the frame is drawn.
   */
  static?: boolean;
  width?: number;
  onRendered?(): void;
  /** A click on a bar or point: the dataset and the index within it. */
  onSelect?(datasetIndex: number, index: number): void;
}

/** One chart.js chart in React: created on mount, updated in place when the config changes, destroyed on unmount. */
export function Chart({
  config,
  label,
  table,
  height = 260,
  width = 720,
  static: isStatic,
  onRendered,
  onSelect,
}: ChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<ChartJs | null>(null);
  const callbacks = useRef({ onRendered, onSelect });
  useEffect(() => {
    callbacks.current = { onRendered, onSelect };
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const full = withMode(config, Boolean(isStatic), callbacks);
    const existing = chartRef.current;
    if (existing && (existing.config as { type?: string }).type === full.type) {
      existing.data = full.data;
      existing.options = full.options ?? {};
      existing.update(isStatic ? 'none' : undefined);
      return;
    }
    existing?.destroy();
    chartRef.current = new ChartJs(canvas, full);
  }, [config, isStatic]);

  useEffect(
    () => () => {
      chartRef.current?.destroy();
      chartRef.current = null;
    },
    [],
  );

  return (
    <figure className="chart" style={isStatic ? { width } : undefined}>
      <div className="chart-canvas" style={{ height, width: isStatic ? width : undefined }}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={label}
          width={isStatic ? width : undefined}
          height={isStatic ? height : undefined}
        />
      </div>
      {table && <ChartTable data={table} />}
    </figure>
  );
}

type Callbacks = React.RefObject<Pick<ChartProps, 'onRendered' | 'onSelect'>>;

function withMode(
  config: ChartConfiguration<ChartType>,
  isStatic: boolean,
  callbacks: Callbacks,
): ChartConfiguration<ChartType> {
  const rendered: Plugin = {
    id: 'tandemRendered',
    afterRender: () => callbacks.current.onRendered?.(),
  };
  const options = config.options ?? {};
  return {
    ...config,
    plugins: [...(config.plugins ?? []), rendered],
    options: {
      ...options,
      maintainAspectRatio: false,
      ...(isStatic ? { animation: false, responsive: false, devicePixelRatio: 2 } : { responsive: true }),
      onClick: (event: ChartEvent, elements: ActiveElement[], chart) => {
        const hit =
          elements[0] ??
          chart.getElementsAtEventForMode(event.native as Event, 'nearest', { intersect: true }, false)[0];
        if (hit) callbacks.current.onSelect?.(hit.datasetIndex, hit.index);
      },
      onHover: (event: ChartEvent, elements: ActiveElement[]) => {
        const target = event.native?.target;
        if (target instanceof HTMLElement && callbacks.current.onSelect)
          target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
      },
    },
  };
}
