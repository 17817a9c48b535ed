import { googleContacts, hubspotContacts, pipedriveDeals } from './crm';
import { ga4Pages, ga4Traffic, linkedinMetrics, mailchimpCampaigns, metaAds } from './marketing';
import { shopifyOrders, stripePayments } from './sales';
import {
  tandemActivities,
  tandemCampaigns,
  tandemCompanies,
  tandemContacts,
  tandemContent,
  tandemDeals,
  tandemMetrics,
  tandemOrders,
  tandemPayments,
  tandemSpend,
} from './tandem';
import { presetFits, type Preset } from './types';

export { presetMapping, type Preset } from './types';

export const PRESETS: readonly Preset[] = [
  hubspotContacts,
  googleContacts,
  pipedriveDeals,
  shopifyOrders,
  stripePayments,
  ga4Traffic,
  ga4Pages,
  mailchimpCampaigns,
  metaAds,
  linkedinMetrics,
  tandemContacts,
  tandemDeals,
  tandemOrders,
  tandemPayments,
  tandemMetrics,
  tandemCompanies,
  tandemActivities,
  tandemCampaigns,
  tandemSpend,
  tandemContent,
];

export function presetNamed(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

/** The export a header comes from: the fitting preset that names the most columns. */
export function detectPreset(columns: readonly string[]): Preset | null {
  let best: Preset | null = null;
  for (const preset of PRESETS) {
    if (presetFits(preset, columns) && (!best || preset.identify.length > best.identify.length))
      best = preset;
  }
  return best;
}

export function presetInfo(preset: Preset): { name: string; label: string; kind: Preset['kind'] } {
  return { name: preset.name, label: preset.label, kind: preset.kind };
}
