import { ApiError, type FieldIssue } from '@shared/contract/result';
import { currencyDecimals, toMinor } from '@shared/domain/currency';
import { CHANNELS, type Channel } from '@shared/domain/utm';

/** Labels and money input shared by plans, campaigns and the content calendar. */

export const CHANNEL_LABELS: Record<Channel, string> = {
  social: 'Social media',
  email: 'E-mail',
  web: 'Website',
  ads: 'Ads',
  event: 'Events',
  referral: 'Referrals',
  other: 'Other',
};
export const CHANNEL_OPTIONS = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));
export const channelLabel = (channel: string): string => CHANNEL_LABELS[channel as Channel] ?? channel;

export const CAMPAIGN_STATUSES = [
  { value: 'draft', label: 'Draft' },
  { value: 'planned', label: 'Planned' },
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'done', label: 'Done' },
] as const;
export const OBJECTIVES = [
  { value: 'awareness', label: 'Awareness' },
  { value: 'leads', label: 'Leads' },
  { value: 'sales', label: 'Sales' },
] as const;
export const PLAN_STATUSES = [
  { value: 'draft', label: 'Draft' },
  { value: 'active', label: 'Active' },
  { value: 'closed', label: 'Closed' },
] as const;
export const CONTENT_STATUSES = [
  { value: 'idea', label: 'Idea' },
  { value: 'draft', label: 'Draft' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'published', label: 'Published' },
] as const;

export const labelOf = (options: readonly { value: string; label: string }[], value: string): string =>
  options.find((o) => o.value === value)?.label ?? value;

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) });
}

/** A validation error made in the form itself (text that is not a number), shown like the core's. */
export function localError(issues: FieldIssue[]): ApiError {
  return new ApiError({ code: 'validation', message: issues.map((i) => i.message).join('; '), issues });
}

/** The message for a field whether it came from a create (`endDate`) or an update (`patch.endDate`). */
export function fieldIssue(error: ApiError | null, field: string): string | undefined {
  return error?.issueFor(field) ?? error?.issueFor(`patch.${field}`);
}

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

export type Parsed = { ok: true; value: number | null } | { ok: false; message: string };

/** A number typed in the workspace's format (`1,200.50`, `1.200,50`); empty text is null. */
export function parseNumber(text: string, locale: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const { group, decimal } = separators(locale);
  const plain = trimmed
    .replace(/[\s\u00a0\u202f]/g, '')
    .split(group)
    .join('')
    .replace(decimal, '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(plain)) {
    return { ok: false, message: `enter a number such as ${new Intl.NumberFormat(locale).format(1250.5)}` };
  }
  return { ok: true, value: Number(plain) };
}

/** Money typed in major units → integer minor units of the workspace currency. */
export function parseMoney(text: string, locale: string, currency: string): Parsed {
  const parsed = parseNumber(text, locale);
  if (!parsed.ok || parsed.value === null) return parsed;
  return { ok: true, value: toMinor(parsed.value, currency) };
}

/** A whole count (leads); fractions are refused here, negatives by the core's rules. */
export function parseCount(text: string, locale: string): Parsed {
  const parsed = parseNumber(text, locale);
  if (parsed.ok && parsed.value !== null && !Number.isInteger(parsed.value)) {
    return { ok: false, message: 'enter a whole number' };
  }
  return parsed;
}

/** Minor units as editable text in the workspace's format, without grouping: `1200.50`. */
export function moneyText(minor: number | null | undefined, locale: string, currency: string): string {
  if (minor === null || minor === undefined) return '';
  const decimals = currencyDecimals(currency);
  return new Intl.NumberFormat(locale, {
    useGrouping: false,
    minimumFractionDigits: minor % 10 ** decimals === 0 ? 0 : decimals,
    maximumFractionDigits: decimals,
  }).format(minor / 10 ** decimals);
}

export const countText = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);
