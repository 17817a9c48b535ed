import type { MetricRecord } from '../records';
import { channelScope } from '../build/metrics';
import { trackingCodeOf } from '../build/utm';
import { definePreset } from './types';

/** GA4's default channel groups in our channels (the scope keeps GA4's own group name). */
const GA4_CHANNELS: Record<string, string> = {
  'organic search': 'web',
  direct: 'web',
  referral: 'referral',
  'organic social': 'social',
  'organic video': 'social',
  'organic shopping': 'web',
  'paid search': 'ads',
  'paid social': 'ads',
  'paid video': 'ads',
  'paid shopping': 'ads',
  'paid other': 'ads',
  display: 'ads',
  'cross-network': 'ads',
  email: 'email',
  affiliates: 'referral',
  sms: 'other',
  'mobile push notifications': 'other',
  unassigned: 'other',
};

export const ga4Traffic = definePreset<MetricRecord>({
  name: 'ga4-traffic',
  label: 'Google Analytics 4 traffic acquisition',
  kind: 'metrics',
  source: 'ga4',
  identify: ['Date', 'Session default channel group', 'Sessions'],
  columns: {
    date: 'Date',
    channel: 'Session default channel group',
    visits: 'Sessions',
    conversions: 'Key events',
  },
  adjust(metrics, row) {
    const group = row.text('channel');
    metrics.scope = channelScope(group);
    metrics.channel = GA4_CHANNELS[group.toLowerCase()] ?? 'other';
  },
});

/**
 * The scope of one page's numbers: `page:<path>` with the path as GA4 writes it ("/shop/house-blend"), so the
 * same page from two exports is one scope. App screens (no leading slash) keep their screen class.
 */
function pageScope(path: string): string {
  return `page:${path}`;
}

/**
 * GA4 "Pages and screens" with the Date dimension: per page and day its views (`page_views`, never `visits`:
 * a visit opens several pages, and site visits come from the traffic report), active users, key events and
 * the revenue of the purchases made on it, in minor units. GA4 writes a revenue of 0 on every page without a
 * purchase; those rows are left out so `revenue_minor` sits only where money was taken (the checkout).
 */
export const ga4Pages = definePreset<MetricRecord>({
  name: 'ga4-pages',
  label: 'Google Analytics 4 pages and screens (daily)',
  kind: 'metrics',
  source: 'ga4',
  identify: ['Page path and screen class', 'Date', 'Views', 'Active users'],
  columns: {
    date: 'Date',
    'x.page': 'Page path and screen class',
    'x.views': 'Views',
    'x.users': 'Active users',
    conversions: 'Key events',
    'x.revenue': 'Total revenue',
  },
  adjust(metrics, row, { options }) {
    const page = row.text('x.page');
    if (page === '') {
      row.problem('x.page', 'the row has no page path: export the report by "Page path and screen class"');
      return;
    }
    const views = row.number('x.views', options);
    const users = row.number('x.users', options);
    const revenue = row.has('x.revenue') ? row.money('x.revenue', options.currency, options) : null;
    if (views !== null) metrics.values.push(['page_views', views]);
    if (users !== null) metrics.values.push(['active_users', users]);
    if (revenue !== null && revenue !== 0) metrics.values.push(['revenue_minor', revenue]);
    metrics.channel = null;
    metrics.scope = pageScope(page);
  },
});

/**
 * Mailchimp campaign reports, one row per send. Campaigns named "<tracking code> | <subject>" belong to that
 * campaign; others are matched by name, or count for the e-mail channel.
 */
export const mailchimpCampaigns = definePreset<MetricRecord>({
  name: 'mailchimp-campaigns',
  label: 'Mailchimp campaign reports',
  kind: 'metrics',
  source: 'mailchimp',
  identify: ['Title', 'Send Date', 'Total Recipients', 'Unique Opens', 'Unsubscribes'],
  columns: {
    'x.title': 'Title',
    date: 'Send Date',
    recipients: 'Total Recipients',
    opens: 'Unique Opens',
    clicks: 'Unique Clicks',
    unsubscribes: 'Unsubscribes',
  },
  adjust(metrics, row) {
    const title = row.text('x.title');
    const prefix = title.split(' | ')[0]?.trim() ?? '';
    const code = title.includes(' | ') && !/\s/.test(prefix) ? trackingCodeOf(prefix) : null;
    metrics.campaignCode = code;
    metrics.campaignName = code ? null : title || null;
    metrics.channel = 'email';
    metrics.scope = 'channel:email';
  },
});

export const metaAds = definePreset<MetricRecord>({
  name: 'meta-ads',
  label: 'Meta Ads Manager (daily)',
  kind: 'metrics',
  source: 'meta',
  identify: [
    'Reporting starts',
    'Reporting ends',
    'Campaign name',
    /^Amount spent \([A-Z]{3}\)$/,
    'Impressions',
  ],
  columns: {
    date: 'Reporting starts',
    'x.ends': 'Reporting ends',
    campaign: 'Campaign name',
    spend: /^Amount spent \([A-Z]{3}\)$/,
    impressions: 'Impressions',
    reach: 'Reach',
    clicks: 'Link clicks',
    'x.results': 'Results',
    'x.indicator': 'Result indicator',
  },
  skip(row) {
    return row.text('campaign') === ''
      ? 'summary row of the whole report (no campaign): the daily rows below hold the same numbers'
      : null;
  },
  adjust(metrics, row, { options }) {
    const ends = row.date('x.ends', options);
    if (ends && ends !== metrics.date) {
      row.problem(
        'x.ends',
        // The dates as the file writes them, so the user finds the row they name.
        `the row covers ${row.text('date')} to ${row.text('x.ends')}, not one day: export the report with Breakdown: Day`,
      );
    }
    const indicator = row.text('x.indicator');
    const results = row.number('x.results', options);
    if (results !== null && /purchase|lead|conversion|complete_registration/i.test(indicator))
      metrics.values.push(['conversions', results]);
    metrics.channel = 'ads';
    metrics.scope = 'channel:ads';
  },
});

export const linkedinMetrics = definePreset<MetricRecord>({
  name: 'linkedin-page-metrics',
  label: 'LinkedIn Page analytics (Metrics sheet)',
  kind: 'metrics',
  source: 'linkedin',
  identify: ['Date', 'Impressions (organic)', 'Impressions (total)', 'Clicks (total)', 'Reactions (total)'],
  columns: {
    date: 'Date',
    impressions: 'Impressions (total)',
    clicks: 'Clicks (total)',
    reactions: 'Reactions (total)',
    comments: 'Comments (total)',
    shares: 'Reposts (total)',
  },
  dateOrder: 'MDY',
  adjust(metrics) {
    metrics.channel = 'social';
    metrics.scope = 'channel:social';
  },
});
