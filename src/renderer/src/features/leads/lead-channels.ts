import type { LeadChannel } from '@shared/api/leads';
import { CHANNEL_OPTIONS } from '../campaigns/channels';

/** Where a lead came from: the campaign channels, plus an explicit "unknown" listed first. */
export const LEAD_CHANNELS: { value: LeadChannel; label: string }[] = [
  { value: 'unknown', label: 'Unknown' },
  ...CHANNEL_OPTIONS,
];
export const channelName = (channel: string): string =>
  LEAD_CHANNELS.find((c) => c.value === channel)?.label ?? channel;
