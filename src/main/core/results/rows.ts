import type { CampaignRow, ChannelRow, Tile, TileId } from '@shared/api/results';
import { delta, type DeltaKind } from '@shared/domain/comparison';
import { averageDealSize, costPerLead, ratio, roas, roi, winRate } from '@shared/domain/kpi';
import type { AttributedRevenue } from './attribution-data';
import { emptyTally, type PeriodFacts, type Tally } from './period';

type RowNumbers = Omit<CampaignRow, 'campaignId' | 'name' | 'channel'>;

const averageRating = (t: Tally) => (t.ratingCount > 0 ? t.ratingSum / t.ratingCount : null);

function rowNumbers(t: Tally = emptyTally(), revenueMinor = 0): RowNumbers {
  return {
    spendMinor: t.spendMinor,
    reach: t.reach,
    impressions: t.impressions,
    leads: t.leads,
    qualifiedLeads: t.qualifiedLeads,
    averageRating: averageRating(t),
    costPerLeadMinor: costPerLead(t.spendMinor, t.leads),
    costPerQualifiedLeadMinor: costPerLead(t.spendMinor, t.qualifiedLeads),
    won: t.won,
    revenueMinor,
    roi: roi(revenueMinor, t.spendMinor),
    roas: roas(revenueMinor, t.spendMinor),
  };
}

export interface CampaignHead {
  id: string;
  name: string;
  channel: string;
  startDate: string | null;
  endDate: string | null;
}

/** Campaigns with numbers in the period, or running during it; biggest revenue first. */
export function campaignRows(
  heads: readonly CampaignHead[],
  facts: PeriodFacts,
  revenue: AttributedRevenue,
  range: { from: string; to: string },
): CampaignRow[] {
  const rows: CampaignRow[] = [];
  for (const c of heads) {
    const tally = facts.byCampaign.get(c.id);
    const minor = revenue.byCampaign.get(c.id);
    const runs =
      (c.startDate ?? c.endDate ?? '') <= range.to && (c.endDate ?? c.startDate ?? '9999') >= range.from;
    if (!tally && minor === undefined && !runs) continue;
    rows.push({ campaignId: c.id, name: c.name, channel: c.channel, ...rowNumbers(tally, minor ?? 0) });
  }
  return rows.sort((a, b) => b.revenueMinor - a.revenueMinor || a.name.localeCompare(b.name));
}

export function channelRows(facts: PeriodFacts, revenue: AttributedRevenue): ChannelRow[] {
  const keys = new Set([...facts.byChannel.keys(), ...revenue.byChannel.keys()]);
  return [...keys]
    .map((channel) => ({
      channel,
      ...rowNumbers(facts.byChannel.get(channel), revenue.byChannel.get(channel) ?? 0),
    }))
    .sort((a, b) => b.revenueMinor - a.revenueMinor || a.channel.localeCompare(b.channel));
}

/** The headline numbers of one period, before they become tiles. */
export type Headline = Record<TileId, number | null>;

export function headline(facts: PeriodFacts, revenue: AttributedRevenue, visits: number | null): Headline {
  const t = facts.total;
  const revenueMinor = revenue.totalMinor;
  return {
    spend: t.spendMinor,
    reach: t.reach,
    impressions: t.impressions,
    visits,
    leads: t.leads,
    qualifiedLeads: t.qualifiedLeads,
    qualifiedShare: ratio(t.qualifiedLeads, t.leads),
    averageRating: averageRating(t),
    costPerLead: costPerLead(t.spendMinor, t.leads),
    costPerQualifiedLead: costPerLead(t.spendMinor, t.qualifiedLeads),
    won: t.won,
    lost: t.lost,
    winRate: winRate(t.won, t.lost),
    averageDeal: averageDealSize(t.wonValueMinor, t.won),
    salesCycleDays: t.won > 0 ? t.cycleDays / t.won : null,
    pipelineValue: facts.pipeline.unweightedMinor,
    weightedPipeline: facts.pipeline.weightedMinor,
    revenue: revenueMinor,
    roi: roi(revenueMinor, t.spendMinor),
    roas: roas(revenueMinor, t.spendMinor),
  };
}

const TILE_META: Record<TileId, { label: string; format: Tile['format'] }> = {
  spend: { label: 'Spend', format: 'money' },
  reach: { label: 'Reach', format: 'count' },
  impressions: { label: 'Impressions', format: 'count' },
  visits: { label: 'Visits', format: 'count' },
  leads: { label: 'Leads', format: 'count' },
  qualifiedLeads: { label: 'Qualified leads', format: 'count' },
  qualifiedShare: { label: 'Qualified share', format: 'rate' },
  averageRating: { label: 'Average lead rating', format: 'rating' },
  costPerLead: { label: 'Cost per lead', format: 'money' },
  costPerQualifiedLead: { label: 'Cost per qualified lead', format: 'money' },
  won: { label: 'Won', format: 'count' },
  lost: { label: 'Lost', format: 'count' },
  winRate: { label: 'Win rate', format: 'rate' },
  averageDeal: { label: 'Average deal', format: 'money' },
  salesCycleDays: { label: 'Sales cycle', format: 'days' },
  pipelineValue: { label: 'Pipeline value', format: 'money' },
  weightedPipeline: { label: 'Weighted pipeline', format: 'money' },
  revenue: { label: 'Revenue', format: 'money' },
  roi: { label: 'ROI', format: 'rate' },
  roas: { label: 'ROAS', format: 'rate' },
};

const deltaKind = (format: Tile['format']): DeltaKind =>
  format === 'money' ? 'money' : format === 'rate' ? 'rate' : 'count';

export function tiles(current: Headline, previous: Headline): Tile[] {
  return (Object.keys(TILE_META) as TileId[]).map((id) => {
    const meta = TILE_META[id];
    return {
      id,
      label: meta.label,
      value: current[id],
      previous: previous[id],
      format: meta.format,
      delta: delta(current[id], previous[id], deltaKind(meta.format)),
      modelDependent: false,
    };
  });
}
