import type { Channel } from '@shared/domain/utm';
import { isTrackingCode, slugify } from '@shared/domain/utm';

/**
 * A tracking code as our campaigns store it. Exports keep utm_campaign as typed in a link, so case and
 * stray spaces are forgiven; text that cannot be a code at all (a sentence, a URL) gives null.
 */
export function trackingCodeOf(text: string): string | null {
  const value = text.trim().toLowerCase();
  if (value === '' || value.length > 80 || /\s{2,}|[/:?#=&]/.test(value)) return null;
  if (isTrackingCode(value)) return value;
  const slug = slugify(value, 80);
  return slug && !/\s/.test(value) ? slug : null;
}

/** "spring-newsletter" → "Spring newsletter": the draft campaign's name until the user renames it. */
export function nameFromCode(code: string): string {
  const words = code.replace(/[-_.]+/g, ' ').trim();
  return words ? words[0]?.toUpperCase() + words.slice(1) : code;
}

const PAID = /(^|[^a-z])(cpc|ppc|cpm|paid|ads?|display|retarget|sponsored)([^a-z]|$)/;
const SOCIAL_SOURCES =
  /facebook|instagram|linkedin|tiktok|twitter|^x$|pinterest|youtube|threads|^fb$|^ig$|social/;

/** Channel of a campaign seen only through its utm_medium / utm_source (both optional). */
export function guessChannel(medium: string | null | undefined, source: string | null | undefined): Channel {
  const m = (medium ?? '').trim().toLowerCase();
  const s = (source ?? '').trim().toLowerCase();
  if (m === 'email' || m === 'e-mail' || m === 'newsletter' || /mailchimp|newsletter|klaviyo/.test(s))
    return 'email';
  if (PAID.test(m) || /paid/.test(m)) return 'ads';
  if (m.includes('social') || SOCIAL_SOURCES.test(s)) return 'social';
  if (m === 'referral' || m === 'affiliate' || s === 'referral') return 'referral';
  if (m === 'event' || m === 'offline' || s.includes('fest') || s === 'event') return 'event';
  if (m === 'organic' || m === 'seo' || s === 'google' || s === 'bing') return 'web';
  return 'other';
}

/** A channel name typed in a file, or null when it is not one of ours. */
export function channelOf(text: string): Channel | null {
  const t = text.trim().toLowerCase();
  const direct: Record<string, Channel> = {
    social: 'social',
    email: 'email',
    web: 'web',
    website: 'web',
    seo: 'web',
    ads: 'ads',
    ad: 'ads',
    advertising: 'ads',
    event: 'event',
    events: 'event',
    referral: 'referral',
    referrals: 'referral',
    other: 'other',
  };
  return direct[t] ?? null;
}

export interface UtmTags {
  source?: string;
  medium?: string;
  campaign?: string;
  content?: string;
  term?: string;
}

const QUERY_TAG = /(?:^|[?&#;\s])utm_(source|medium|campaign|content|term)=([^&#\s]*)/gi;
const LINE_TAG = /^[ \t]*utm_(source|medium|campaign|content|term)[ \t]*:[ \t]*(.*?)[ \t\r]*$/gim;

function decodeQueryValue(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).trim();
  } catch {
    // A stray "%" in a hand-typed link: keep the text as it was rather than lose the tag.
    return raw.trim();
  }
}

/**
 * utm_* tags wherever an export keeps them: a landing-page URL's query (`/?utm_source=ig&utm_content=reel-1`,
 * alone or inside other text) or `utm_content: reel-1` lines (Shopify's Note Attributes). The first value of
 * each tag wins; empty values are left out.
 */
export function utmTagsOf(...texts: string[]): UtmTags {
  const tags: UtmTags = {};
  const keep = (key: string, value: string) => {
    const k = key.toLowerCase() as keyof UtmTags;
    if (value !== '' && tags[k] === undefined) tags[k] = value;
  };
  for (const text of texts) {
    if (!text) continue;
    for (const m of text.matchAll(LINE_TAG)) {
      // A line holding a URL is read as a query below, not as the value of a "key: value" line.
      if (!/[?&]utm_/i.test(m[2]!)) keep(m[1]!, m[2]!);
    }
    for (const m of text.matchAll(QUERY_TAG)) keep(m[1]!, decodeQueryValue(m[2]!));
  }
  return tags;
}
