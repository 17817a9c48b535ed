import { attributeConversion, type Allocation, type AttributionModel } from '@shared/domain/attribution';
import type { Ctx } from '../context';
import {
  revenueByDay,
  revenueConversions,
  type RevenueByDay,
  type RevenueConversion,
  type Window,
} from './conversions';
import { touchesByContact } from './touches';

export interface ModelOptions {
  model: AttributionModel;
  lookbackDays: number;
  lastNonDirect: boolean;
}

/** Money of one period split by the chosen model: Σ campaigns + noCampaign + unattributed = totalMinor. */
export interface AttributedRevenue {
  totalMinor: number;
  conversions: number;
  byCampaign: Map<string, number>;
  byChannel: Map<string, number>;
  byContent: Map<string, number>;
  /** Credit given to touches that name no campaign. */
  noCampaignMinor: number;
  unattributed: { minor: number; count: number };
  /** Revenue and number of sales (paid orders + succeeded payments) per calendar day (UTC). */
  byDay: Map<string, { revenueMinor: number; sales: number }>;
  otherCurrencyRecords: number;
}

export const touchChannel = (channel: string | null) => channel ?? 'unknown';
const DAY_MS = 86_400_000;

/**
 * Attributes each revenue event of the window over its contact's touches inside the lookback. `visit`
 * sees every conversion with its allocations (empty = unattributed), for the drill-down lists (with
 * `detail`, each conversion carries its id, title and contact name).
 */
export function attributeRevenue(
  ctx: Ctx,
  window: Window,
  currency: string,
  options: ModelOptions,
  visit?: (conversion: RevenueConversion, allocations: Allocation[]) => void,
  detail = visit !== undefined,
): AttributedRevenue {
  // Only the drill-down lists need titles and names; the sums read the covering indexes.
  const { conversions, otherCurrencyRecords } = revenueConversions(ctx, window, currency, detail);
  const contacts = new Set<string>();
  for (const c of conversions) if (c.contactId) contacts.add(c.contactId);
  const touchesFrom = new Date(Date.parse(window.fromIso) - options.lookbackDays * DAY_MS).toISOString();
  const touches = touchesByContact(ctx, contacts, touchesFrom, window.untilIso);

  const out: AttributedRevenue = {
    totalMinor: 0,
    conversions: conversions.length,
    byCampaign: new Map(),
    byChannel: new Map(),
    byContent: new Map(),
    noCampaignMinor: 0,
    unattributed: { minor: 0, count: 0 },
    byDay: new Map(),
    otherCurrencyRecords,
  };
  const bump = <K>(map: Map<K, number>, key: K, minor: number) => map.set(key, (map.get(key) ?? 0) + minor);
  for (const conversion of conversions) {
    out.totalMinor += conversion.valueMinor;
    const day = conversion.at.slice(0, 10);
    const daily = out.byDay.get(day) ?? { revenueMinor: 0, sales: 0 };
    daily.revenueMinor += conversion.valueMinor;
    if (conversion.kind !== 'lead') daily.sales++;
    out.byDay.set(day, daily);

    const log = conversion.contactId ? touches.get(conversion.contactId) : undefined;
    const allocations = log
      ? attributeConversion({ at: conversion.at, valueMinor: conversion.valueMinor, touches: log }, options)
      : [];
    visit?.(conversion, allocations);
    if (allocations.length === 0) {
      out.unattributed.minor += conversion.valueMinor;
      out.unattributed.count++;
      continue;
    }
    for (const { touch, minor } of allocations) {
      if (touch.campaignId) bump(out.byCampaign, touch.campaignId, minor);
      else out.noCampaignMinor += minor;
      bump(out.byChannel, touchChannel(touch.channel), minor);
      if (touch.contentId) bump(out.byContent, touch.contentId, minor);
    }
  }
  return out;
}

/** Totals and days only, no attribution: what a comparison period needs. */
export function revenueTotals(ctx: Ctx, window: Window, currency: string): AttributedRevenue {
  return totalsOnly(revenueByDay(ctx, window, currency));
}

/** Sums per day as an attribution that credits nobody. */
export function totalsOnly(sums: RevenueByDay): AttributedRevenue {
  return {
    totalMinor: sums.totalMinor,
    conversions: sums.conversions,
    byCampaign: new Map(),
    byChannel: new Map(),
    byContent: new Map(),
    noCampaignMinor: 0,
    unattributed: { minor: 0, count: 0 },
    byDay: sums.byDay,
    otherCurrencyRecords: sums.otherCurrencyRecords,
  };
}
