/**
 * Tracking codes and tagged links. A campaign's tracking code is its `utm_campaign`; the analytics and
 * shop exports we import carry it back, which is how visits and orders find their campaign. Codes are
 * therefore strict: lowercase, no spaces, only `a–z 0–9 - _ .`, so they survive every tool unchanged.
 */

export const CHANNELS = ['social', 'email', 'web', 'ads', 'event', 'referral', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TRACKING_CODE_MAX = 80;

/** Why a tracking code (or utm_content value) is not acceptable, or null when it is. */
export function trackingCodeProblem(code: string): string | null {
  if (code.length === 0) return 'enter a tracking code such as spring-sale';
  if (/\s/.test(code)) return 'no spaces allowed: join words with - or _ (e.g. spring-sale)';
  if (/[A-Z]/.test(code)) return 'use lowercase letters only (e.g. spring-sale)';
  if (!/^[a-z0-9._-]+$/.test(code)) return 'use only lowercase letters, digits, "-", "_" and "."';
  if (code.length > TRACKING_CODE_MAX) return `use at most ${TRACKING_CODE_MAX} characters`;
  return null;
}

export function isTrackingCode(code: string): boolean {
  return trackingCodeProblem(code) === null;
}

/** A valid code made from free text: `Spring Sale – Café 2026!` → `spring-sale-cafe-2026`. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '');
  return slug.slice(0, max).replace(/[-_.]+$/, '');
}

/**
 * A code not in `taken`: `base` itself, else `base-2`, `base-3`… Trimmed so the suffix always fits within
 * the maximum length.
 */
export function uniqueCode(base: string, taken: (code: string) => boolean): string {
  const root = base || 'campaign';
  if (!taken(root) && root.length <= TRACKING_CODE_MAX) return root;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${root.slice(0, TRACKING_CODE_MAX - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

/**
 * The code a copied campaign gets in the next period: the old period's tag is replaced by the new one
 * (`spring-2026q1` → `spring-2026q2`), or the new tag is appended; then made unique.
 */
export function codeForPeriod(
  code: string,
  oldTag: string,
  newTag: string,
  taken: (code: string) => boolean,
): string {
  const suffix = `-${oldTag}`;
  const stem = code.endsWith(suffix) ? code.slice(0, -suffix.length) : code;
  const tail = `-${newTag}`;
  return uniqueCode(`${stem.slice(0, TRACKING_CODE_MAX - tail.length)}${tail}`, taken);
}

/** Why a link cannot be stored as a web link (landing page, published post), or null when it can. */
export function httpUrlProblem(link: string): string | null {
  try {
    const url = new URL(link.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return null;
    return `only http and https links are allowed, not ${url.protocol}`;
  } catch {
    return 'expected a full link starting with https:// or http://';
  }
}

/** Conventional utm_source / utm_medium per channel, used when the user gives none. */
export const CHANNEL_UTM: Record<Channel, { source: string; medium: string }> = {
  social: { source: 'social', medium: 'social' },
  email: { source: 'newsletter', medium: 'email' },
  web: { source: 'website', medium: 'organic' },
  ads: { source: 'ads', medium: 'cpc' },
  event: { source: 'event', medium: 'event' },
  referral: { source: 'referral', medium: 'referral' },
  other: { source: 'other', medium: 'other' },
};

export function utmDefaults(channel: string): { source: string; medium: string } {
  return (CHANNEL_UTM as Record<string, { source: string; medium: string }>)[channel] ?? CHANNEL_UTM.other;
}

export interface UtmTags {
  campaign: string;
  source?: string | null;
  medium?: string | null;
  content?: string | null;
  term?: string | null;
}

export type UtmResult =
  { ok: true; url: string } | { ok: false; field: 'url' | 'campaign' | 'source' | 'medium'; message: string };

const UTM_ORDER = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'] as const;

function keyOf(pair: string): string {
  const raw = pair.split('=')[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Adds utm_* parameters to a link. Existing query parameters are kept exactly as written (only utm_*
 * keys we set are replaced, so a link is never tagged twice), the fragment stays at the end, and only
 * absolute http(s) links are accepted: a `mailto:` or `javascript:` link cannot carry tracking.
 */
export function buildUtmUrl(link: string, tags: UtmTags): UtmResult {
  const linkProblem = httpUrlProblem(link);
  if (linkProblem) return { ok: false, field: 'url', message: linkProblem };
  const url = new URL(link.trim());
  const problem = trackingCodeProblem(tags.campaign);
  if (problem) return { ok: false, field: 'campaign', message: problem };
  const values: Record<(typeof UTM_ORDER)[number], string | null | undefined> = {
    utm_source: tags.source?.trim(),
    utm_medium: tags.medium?.trim(),
    utm_campaign: tags.campaign,
    utm_content: tags.content?.trim(),
    utm_term: tags.term?.trim(),
  };
  if (!values.utm_source) return { ok: false, field: 'source', message: 'enter a utm_source' };
  if (!values.utm_medium) return { ok: false, field: 'medium', message: 'enter a utm_medium' };
  const setting = new Set(UTM_ORDER.filter((key) => values[key]));
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !setting.has(keyOf(pair) as (typeof UTM_ORDER)[number]));
  const added = UTM_ORDER.filter((key) => values[key]).map(
    (key) => `${key}=${encodeURIComponent(values[key] ?? '')}`,
  );
  url.search = `?${[...kept, ...added].join('&')}`;
  return { ok: true, url: url.href };
}

/** The tagged link for a campaign: source and medium from its channel unless given. */
export function campaignUrl(
  link: string,
  campaign: { channel: string; trackingCode: string },
  overrides: { source?: string | null; medium?: string | null; content?: string | null } = {},
): UtmResult {
  const defaults = utmDefaults(campaign.channel);
  return buildUtmUrl(link, {
    campaign: campaign.trackingCode,
    source: overrides.source?.trim() || defaults.source,
    medium: overrides.medium?.trim() || defaults.medium,
    content: overrides.content ?? null,
  });
}

/** The tagged link for one content item of a campaign: the campaign's tags plus utm_content. */
export function contentUrl(
  link: string,
  campaign: { channel: string; trackingCode: string },
  item: { channel: string; utmContent: string | null },
): UtmResult {
  const defaults = utmDefaults(item.channel || campaign.channel);
  return buildUtmUrl(link, {
    campaign: campaign.trackingCode,
    source: defaults.source,
    medium: defaults.medium,
    content: item.utmContent,
  });
}
