/**
 * The meeting report's print settings, shared by the desktop shell (printToPDF), the CLI and the host
 * (Chromium's page.pdf) so every PDF has the same size, margins, header and footer.
 */
import { createFormatter } from './format';

export const REPORT_SECTIONS = [
  'kpis',
  'funnel',
  'pipeline',
  'changes',
  'followUps',
  'campaigns',
  'sources',
  'charts',
  'plan',
  'notes',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const SECTION_TITLES: Record<ReportSection, string> = {
  kpis: 'Headline numbers',
  funnel: 'Funnel',
  pipeline: 'Pipeline by stage',
  changes: 'What changed since the last meeting',
  followUps: 'Follow-ups',
  campaigns: 'Campaigns',
  sources: 'Top sources',
  charts: 'Charts',
  plan: 'Plan against actual',
  notes: 'Meeting notes',
};

export type Paper = 'A4' | 'Letter';

/** Countries that print on US Letter; everyone else uses A4. */
const LETTER_REGIONS = new Set([
  'US',
  'CA',
  'MX',
  'PH',
  'CL',
  'CO',
  'VE',
  'GT',
  'CR',
  'PR',
  'DO',
  'PA',
  'SV',
]);

/** A4 or Letter from the workspace locale's region (`en-US` → Letter, `de-DE` → A4, bare `en` → A4). */
export function paperFor(locale: string): Paper {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  // A language without a region maximizes to its main country (en → US); only an explicit region counts.
  const explicit = /[-_]([A-Za-z]{2}|\d{3})\b/.test(locale) ? region : undefined;
  return explicit && LETTER_REGIONS.has(explicit.toUpperCase()) ? 'Letter' : 'A4';
}

/** Page sizes in points (1/72 in). */
const PAPER_POINTS: Record<Paper, { width: number; height: number }> = {
  A4: { width: 595, height: 842 },
  Letter: { width: 612, height: 792 },
};

/** Margins in inches: room at top and bottom for the header and footer lines. */
export const REPORT_MARGINS = { top: 0.6, bottom: 0.6, left: 0.5, right: 0.5 } as const;

/** Margins must leave most of the page for content; checked before every print. */
export function checkMargins(
  paper: Paper,
  margins: { top: number; bottom: number; left: number; right: number } = REPORT_MARGINS,
): void {
  const { width, height } = PAPER_POINTS[paper];
  const w = width - (margins.left + margins.right) * 72;
  const h = height - (margins.top + margins.bottom) * 72;
  if (w < width * 0.6 || h < height * 0.6)
    throw new Error(`Report margins leave only ${Math.round(w)}×${Math.round(h)} pt of a ${paper} page.`);
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

// Header and footer templates get no default font size (they would print at a tiny default), so it is inline.
const TEMPLATE_STYLE = 'font-size:8px;font-family:sans-serif;color:#555;width:100%;padding:0 0.5in;';

export function headerTemplate(businessName: string, period: string): string {
  return `<div style="${TEMPLATE_STYLE}text-align:right;">${escapeHtml(businessName)} · ${escapeHtml(period)}</div>`;
}

/** "Page 2 of 5 · Business · period" on every page. */
export function footerTemplate(businessName: string, period: string): string {
  return `<div style="${TEMPLATE_STYLE}text-align:center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span> · ${escapeHtml(businessName)} · ${escapeHtml(period)}</div>`;
}

/** "Acme Coffee – 2026-07-01 to 2026-09-30.pdf", without characters file systems refuse. */
export function reportFileName(businessName: string, from: string, to: string): string {
  const safe =
    businessName
      // eslint-disable-next-line no-control-regex -- control characters are exactly what file names refuse
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Tandem';
  return `${safe} – ${from} to ${to}.pdf`;
}

/** The period as the page header and footer name it, in the workspace's date format: "Jul 1, 2026 – Sep 30, 2026". */
export function periodText(from: string, to: string, locale: string): string {
  const date = createFormatter(locale, 'USD').date;
  return from === to ? date(from) : `${date(from)} – ${date(to)}`;
}

export interface PrintParams {
  from: string;
  to: string;
  model: string;
  lookbackDays: number;
  sections: readonly string[];
  notes: string;
}

/** The print route's hash: `#/print/report?from=…&to=…&model=…&lookback=…&sections=…&notes=…`. */
export function printRouteHash(p: PrintParams): string {
  const q = new URLSearchParams({
    from: p.from,
    to: p.to,
    model: p.model,
    lookback: String(p.lookbackDays),
    sections: p.sections.join(','),
  });
  if (p.notes) q.set('notes', p.notes);
  return `#/print/report?${q.toString()}`;
}

/** Reads the print route's query back; the values are checked by the contract when they are used. */
export function parsePrintQuery(query: string): PrintParams {
  const q = new URLSearchParams(query);
  const sections = q.get('sections');
  return {
    from: q.get('from') ?? '',
    to: q.get('to') ?? '',
    model: q.get('model') ?? 'position',
    lookbackDays: Number(q.get('lookback') ?? 90),
    sections: sections === null ? [...REPORT_SECTIONS] : sections.split(',').filter(Boolean),
    notes: q.get('notes') ?? '',
  };
}
