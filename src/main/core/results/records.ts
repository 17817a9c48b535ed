import type { z } from 'zod';
import type { Records, RecordsInput } from '@shared/api/results';
import { isQualifiedLead } from '@shared/domain/kpi';
import { isoDay } from '@shared/domain/dates';
import type { Ctx } from '../context';
import { getSettings } from '../settings/service';
import { attributeRevenue, touchChannel } from './attribution-data';
import { leadsByContent } from './content';
import { checkRange } from './dashboard';
import { qualifiedPosition } from './leads';
import { windowOf } from './period';

type Input = z.output<typeof RecordsInput>;
type Row = Records['rows'][number];

const NAME = `nullif(trim(coalesce(ct.first_name, '') || ' ' || coalesce(ct.last_name, '')), '')`;
const LEAD_ROWS = `
  SELECT l.id, l.title, l.created_at AS createdAt, l.closed_at AS closedAt, l.campaign_id AS campaignId,
         c.name AS campaignName, coalesce(c.channel, nullif(l.channel, 'unknown')) AS channel,
         l.value_minor AS valueMinor, l.rating, s.position AS stagePosition, s.outcome AS stageOutcome,
         ${NAME} AS contactName,
         (SELECT max(hs.position) FROM lead_stage_history h JOIN pipeline_stages hs ON hs.id = h.to_stage_id
           WHERE h.lead_id = l.id AND hs.outcome <> 'lost') AS furthestOpenPosition
  FROM leads l
  JOIN pipeline_stages s ON s.id = l.stage_id
  LEFT JOIN campaigns c ON c.id = l.campaign_id
  LEFT JOIN contacts ct ON ct.id = l.contact_id
  WHERE l.deleted_at IS NULL`;

interface LeadRow {
  id: string;
  title: string;
  createdAt: string;
  closedAt: string | null;
  campaignId: string | null;
  campaignName: string | null;
  channel: string | null;
  valueMinor: number;
  rating: number | null;
  stagePosition: number;
  stageOutcome: string;
  contactName: string | null;
  furthestOpenPosition: number | null;
}

/** A lead (or spend entry) counts toward a row by its own campaign and channel, as the dashboard counts it. */
function matchesOwnSource(input: Input, campaignId: string | null, channel: string | null): boolean {
  if (input.unattributed) return campaignId === null && channel === null;
  if (input.campaignId !== undefined) {
    if (input.campaignId === null) return campaignId === null && channel !== null;
    if (campaignId !== input.campaignId) return false;
  }
  if (input.channel !== undefined && touchChannel(channel) !== input.channel) return false;
  return true;
}

function leadRecords(ctx: Ctx, input: Input, rows: Row[]): number {
  const w = windowOf(input.from, input.to);
  const closed = input.metric === 'won' || input.metric === 'lost';
  const sql = closed
    ? `${LEAD_ROWS} AND l.closed_at >= ? AND l.closed_at < ? AND s.outcome = ? ORDER BY l.closed_at, l.id`
    : `${LEAD_ROWS} AND l.created_at >= ? AND l.created_at < ? ORDER BY l.created_at, l.id`;
  const args = closed ? [w.fromIso, w.untilIso, input.metric] : [w.fromIso, w.untilIso];
  const threshold = qualifiedPosition(ctx);
  // A content item's leads are those its touches preceded (as the content table counts them).
  const ofContent =
    input.contentId === undefined
      ? null
      : (leadsByContent(ctx, w.fromIso, w.untilIso, input.lookbackDays).get(input.contentId) ??
        new Set<string>());
  let count = 0;
  for (const lead of ctx.sqlite.prepare(sql).iterate(...args) as Iterable<LeadRow>) {
    if (ofContent ? !ofContent.has(lead.id) : !matchesOwnSource(input, lead.campaignId, lead.channel))
      continue;
    if (input.metric === 'qualifiedLeads' && !isQualifiedLead(lead, threshold)) continue;
    count++;
    if (rows.length < input.limit)
      rows.push({
        kind: 'lead',
        id: lead.id,
        at: closed ? lead.closedAt! : lead.createdAt,
        title: lead.title,
        contactName: lead.contactName,
        campaignName: lead.campaignName,
        amountMinor: lead.valueMinor,
        creditedMinor: null,
      });
  }
  return count;
}

function spendRecords(ctx: Ctx, input: Input, rows: Row[]): { count: number; sum: number } {
  // Spend belongs to campaigns, never to a single content item.
  if (input.contentId !== undefined) return { count: 0, sum: 0 };
  const entries = ctx.sqlite
    .prepare(
      `SELECT se.id, se.date, se.amount_minor AS amountMinor, se.note, se.campaign_id AS campaignId,
              c.name AS campaignName, c.channel
       FROM counted_spend se JOIN campaigns c ON c.id = se.campaign_id
       WHERE se.deleted_at IS NULL AND c.deleted_at IS NULL AND se.date BETWEEN ? AND ?
       ORDER BY se.date, se.id`,
    )
    .all(input.from, input.to) as {
    id: string;
    date: string;
    amountMinor: number;
    note: string;
    campaignId: string;
    campaignName: string;
    channel: string;
  }[];
  let count = 0;
  let sum = 0;
  for (const e of entries) {
    if (!matchesOwnSource(input, e.campaignId, e.channel)) continue;
    count++;
    sum += e.amountMinor;
    if (rows.length < input.limit)
      rows.push({
        kind: 'spend',
        id: e.id,
        at: e.date,
        title: e.note || `Spend · ${e.campaignName}`,
        contactName: null,
        campaignName: e.campaignName,
        amountMinor: e.amountMinor,
        creditedMinor: e.amountMinor,
      });
  }
  return { count, sum };
}

function revenueRecords(ctx: Ctx, input: Input, rows: Row[]): { count: number; sum: number } {
  const { currency } = getSettings(ctx);
  const options = {
    model: input.model,
    lookbackDays: input.lookbackDays,
    lastNonDirect: input.lastNonDirect,
  };
  const filtered =
    input.campaignId !== undefined || input.channel !== undefined || input.contentId !== undefined;
  const names = new Map(
    (ctx.sqlite.prepare('SELECT id, name FROM campaigns').all() as { id: string; name: string }[]).map(
      (c) => [c.id, c.name],
    ),
  );
  let count = 0;
  let sum = 0;
  attributeRevenue(ctx, windowOf(input.from, input.to), currency, options, (conversion, allocations) => {
    if (input.metric === 'orders' && conversion.kind === 'lead') return;
    let credited: number;
    let campaignName: string | null = null;
    if (input.unattributed) {
      if (allocations.length > 0) return;
      credited = conversion.valueMinor;
    } else if (filtered) {
      const mine = allocations.filter(
        ({ touch }) =>
          (input.campaignId === undefined || touch.campaignId === input.campaignId) &&
          (input.channel === undefined || touchChannel(touch.channel) === input.channel) &&
          (input.contentId === undefined || touch.contentId === input.contentId),
      );
      if (mine.length === 0) return;
      credited = mine.reduce((s, a) => s + a.minor, 0);
      campaignName = mine[0]!.touch.campaignId ? (names.get(mine[0]!.touch.campaignId) ?? null) : null;
    } else {
      credited = conversion.valueMinor;
      const first = allocations.find((a) => a.touch.campaignId);
      campaignName = first ? (names.get(first.touch.campaignId!) ?? null) : null;
    }
    count++;
    sum += credited;
    if (rows.length < input.limit)
      rows.push({
        kind: conversion.kind,
        id: conversion.id,
        at: conversion.at,
        title: conversion.title,
        contactName: conversion.contactName,
        campaignName,
        amountMinor: conversion.valueMinor,
        creditedMinor: credited,
      });
  });
  return { count, sum };
}

/**
 * The records behind one dashboard number. Leads, won and lost follow the lead's own campaign and channel;
 * revenue and orders follow the credit the model gave (creditedMinor), so their sum is the row's revenue.
 */
export function records(ctx: Ctx, input: Input): Records {
  checkRange(input.from, input.to);
  // A running period is measured up to today, as the dashboard does.
  const today = isoDay(ctx.clock.now());
  const to = input.from <= today && today < input.to ? today : input.to;
  const scoped = { ...input, to };
  const rows: Row[] = [];
  switch (scoped.metric) {
    case 'leads':
    case 'qualifiedLeads':
    case 'won':
    case 'lost':
      return { count: leadRecords(ctx, scoped, rows), sumMinor: null, rows };
    case 'spend': {
      const { count, sum } = spendRecords(ctx, scoped, rows);
      return { count, sumMinor: sum, rows };
    }
    default: {
      const { count, sum } = revenueRecords(ctx, scoped, rows);
      return { count, sumMinor: sum, rows };
    }
  }
}
