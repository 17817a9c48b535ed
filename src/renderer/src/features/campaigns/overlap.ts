import type { CampaignMetrics } from '@shared/api/campaigns';
import type { SpendOverlap, SpendSource } from '@shared/api/spend';
import type { Formatter } from '@shared/domain/format';

const entries = (format: Formatter, n: number) => `${format.number(n)} ${n === 1 ? 'entry' : 'entries'}`;

export interface OverlapText {
  /** "6 Apr 2026 – 30 Jun 2026" */
  days: string;
  imported: string;
  manual: string;
  /** Which side counts, and what the other side is. */
  counts: string;
}

/** What the campaign page and the import summary say about imported spend overlapping hand-logged spend. */
export function overlapText(o: SpendOverlap, format: Formatter): OverlapText {
  const kept = o.source === 'imported' ? o.importedMinor : o.manualMinor;
  const left = o.source === 'imported' ? o.manualMinor : o.importedMinor;
  return {
    days: `${format.date(o.firstDay)} – ${format.date(o.lastDay)}`,
    imported: `${format.money(o.importedMinor)} imported (${entries(format, o.importedEntries)})`,
    manual: `${format.money(o.manualMinor)} logged by hand (${entries(format, o.manualEntries)})`,
    counts:
      o.source === 'imported'
        ? `Counting the imported ${format.money(kept)}; the ${format.money(left)} logged by hand on these days is left out.`
        : `Counting the ${format.money(kept)} logged by hand; the imported ${format.money(left)} is left out.`,
  };
}

export const SOURCE_LABELS: Record<SpendSource, string> = {
  imported: 'Keep the imported spend',
  manual: 'Keep the spend logged by hand',
};

const SOURCE_NAMES: Record<string, string> = {
  meta: 'Meta',
  linkedin: 'LinkedIn',
  ga4: 'Google Analytics',
  mailchimp: 'Mailchimp',
};

/** "Meta, 6 Apr 2026 – 30 Jun 2026 (86 days)"; null when no import brought reach, impressions or clicks. */
export function metricsSpan(m: CampaignMetrics, format: Formatter): string | null {
  if (m.days === 0 || !m.firstDay || !m.lastDay) return null;
  const from = m.sources.map((s) => SOURCE_NAMES[s] ?? s).join(', ');
  const days = `${format.number(m.days)} ${m.days === 1 ? 'day' : 'days'}`;
  return `${from ? `${from}, ` : ''}${format.date(m.firstDay)} – ${format.date(m.lastDay)} (${days})`;
}
