/**
 * Chart colours: the Okabe–Ito palette (safe for the common colour-vision deficiencies), each series also
 * carrying its own dash or fill pattern so a chart still reads in grey-scale print.
 */

export interface ChartTheme {
  scheme: 'light' | 'dark';
  text: string;
  muted: string;
  grid: string;
  surface: string;
  /** Series colours in the order series are drawn. */
  series: readonly string[];
}

/** Okabe & Ito (2008), "Color Universal Design". */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

const o = OKABE_ITO;

// Dark blue and black vanish on a dark surface, so the dark theme starts with the lighter members.
export const LIGHT_THEME: ChartTheme = {
  scheme: 'light',
  text: '#1d1d21',
  muted: '#62626b',
  grid: '#e2e2e6',
  surface: '#ffffff',
  series: [o.blue, o.orange, o.bluishGreen, o.vermillion, o.reddishPurple, o.skyBlue, o.black, o.yellow],
};

export const DARK_THEME: ChartTheme = {
  scheme: 'dark',
  text: '#ececf1',
  muted: '#a0a0ab',
  grid: '#33333a',
  surface: '#1f1f23',
  series: [o.skyBlue, o.orange, o.bluishGreen, o.vermillion, o.reddishPurple, o.yellow, '#dddddd', o.blue],
};

/** Line dashes, one per series index: solid, dashed, dotted, dash-dot… */
export const DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [12, 6]];

export const dashOf = (index: number): number[] => [...(DASHES[index % DASHES.length] ?? [])];
export const colorOf = (theme: ChartTheme, index: number): string =>
  theme.series[index % theme.series.length] ?? OKABE_ITO.blue;

export type PatternKind = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal';

/** `#rrggbb` with an alpha, for lighter "so far" buckets. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

const patternCache = new Map<string, CanvasPattern | string>();

/**
 * A bar fill: the series colour with a texture (stripes, dots, cross-hatch) drawn on a small tile, so
 * neighbouring bars differ in grey-scale too. Falls back to the flat colour where a canvas is unavailable.
 */
export function patternFill(color: string, kind: PatternKind, background: string): CanvasPattern | string {
  if (kind === 'solid') return color;
  const key = `${color}|${kind}|${background}`;
  const cached = patternCache.get(key);
  if (cached) return cached;
  const size = 8;
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const ctx = tile.getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = withAlpha(color, 0.35);
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  if (kind === 'diagonal') {
    ctx.moveTo(0, size);
    ctx.lineTo(size, 0);
    ctx.moveTo(-2, 2);
    ctx.lineTo(2, -2);
    ctx.moveTo(size - 2, size + 2);
    ctx.lineTo(size + 2, size - 2);
    ctx.stroke();
  } else if (kind === 'dots') {
    ctx.arc(size / 2, size / 2, 1.8, 0, Math.PI * 2);
    ctx.fill();
  } else if (kind === 'cross') {
    ctx.moveTo(0, 0);
    ctx.lineTo(size, size);
    ctx.moveTo(size, 0);
    ctx.lineTo(0, size);
    ctx.stroke();
  } else {
    ctx.moveTo(0, size / 2);
    ctx.lineTo(size, size / 2);
    ctx.stroke();
  }
  const pattern = ctx.createPattern(tile, 'repeat') ?? color;
  patternCache.set(key, pattern);
  return pattern;
}
