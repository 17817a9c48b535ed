import { CHANNELS, type Channel } from '@shared/domain/utm';

/** The names of marketing channels, for plans, campaigns, the content calendar and a lead's source. */

const CHANNEL_LABELS: Record<Channel, string> = {
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
