import { performance } from 'node:perf_hooks';

/** One benchmark figure, printed as a table row or one JSON line (DESIGN §4b). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target from the issue, or null for figures reported without one. */
  target: number | null;
  ok: boolean;
}

/** Figures where smaller is better (milliseconds, ratios to a floor, megabytes). */
export function atMost(name: string, value: number, unit: string, target: number | null): Figure {
  return { name, value: round(value), unit, target, ok: target === null || value <= target };
}

/** Figures where bigger is better (rows per second). */
export function atLeast(name: string, value: number, unit: string, target: number | null): Figure {
  return { name, value: round(value), unit, target, ok: target === null || value >= target };
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Each part run once to warm up, then `runs` times: its median milliseconds, in the order given. */
export function timeParts(parts: [string, () => unknown][], runs: number): { part: string; ms: number }[] {
  return parts.map(([part, run]) => {
    run();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      run();
      times.push(performance.now() - start);
    }
    return { part, ms: median(times) };
  });
}
