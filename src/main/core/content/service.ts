import { and, asc, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ContentCreate,
  ContentItem,
  ContentPatch,
  ContentRange,
  ContentRangeInput,
} from '@shared/api/content';
import { fail, type FieldIssue } from '@shared/contract/result';
import { daysBetween } from '@shared/domain/dates';
import { contentUrl, slugify } from '@shared/domain/utm';
import type { Ctx } from '../context';
import { campaigns, contentItems } from '../db/schema';
import { contains } from '../db/contains';
import { rejectIssues } from '../campaigns/validate';
import { softDelete, softRestore } from '../deletion/dependents';

type CreateInput = z.output<typeof ContentCreate>;
type PatchInput = z.output<typeof ContentPatch>;

/** A calendar view never needs more than a year or so; this bounds what one request can ask for. */
const MAX_RANGE_DAYS = 400;

const columns = {
  id: contentItems.id,
  campaignId: contentItems.campaignId,
  campaignName: campaigns.name,
  trackingCode: campaigns.trackingCode,
  campaignChannel: campaigns.channel,
  channel: contentItems.channel,
  title: contentItems.title,
  notes: contentItems.notes,
  scheduledDate: contentItems.scheduledDate,
  status: contentItems.status,
  link: contentItems.link,
  utmContent: contentItems.utmContent,
  createdAt: contentItems.createdAt,
  updatedAt: contentItems.updatedAt,
};

const select = (ctx: Ctx) =>
  ctx.db.select(columns).from(contentItems).leftJoin(campaigns, eq(campaigns.id, contentItems.campaignId));

type Row = { [K in keyof typeof columns]: unknown } & {
  campaignChannel: string | null;
  trackingCode: string | null;
  link: string | null;
  channel: string;
  utmContent: string | null;
};

export function toContentItem({ campaignChannel, ...row }: Row): ContentItem {
  const tagged =
    row.link && row.trackingCode
      ? contentUrl(row.link, { channel: campaignChannel ?? row.channel, trackingCode: row.trackingCode }, row)
      : null;
  return { ...(row as Omit<ContentItem, 'taggedUrl'>), taggedUrl: tagged?.ok ? tagged.url : null };
}

/** Live items whose campaign (if any) is live too. */
const live = () =>
  and(isNull(contentItems.deletedAt), or(isNull(contentItems.campaignId), isNull(campaigns.deletedAt)));

export function getContent(ctx: Ctx, id: string, includeDeleted = false): ContentItem {
  const where = includeDeleted
    ? eq(contentItems.id, id)
    : and(eq(contentItems.id, id), isNull(contentItems.deletedAt));
  const row = select(ctx).where(where).get();
  if (!row) return fail('not_found', 'That content item does not exist or was deleted.');
  return toContentItem(row);
}

export function contentForCampaign(ctx: Ctx, campaignId: string): ContentItem[] {
  return select(ctx)
    .where(and(isNull(contentItems.deletedAt), eq(contentItems.campaignId, campaignId)))
    .orderBy(asc(contentItems.scheduledDate), asc(contentItems.title))
    .all()
    .map(toContentItem);
}

/**
 * The palette's content search: items whose title, notes or utm_content, or whose campaign's name or
 * tracking code, hold every word typed (in any order, any case); the latest scheduled first, ideas last.
 */
export function searchContent(ctx: Ctx, text: string, limit: number): ContentItem[] {
  const words = (text.match(/[\p{L}\p{N}_-]+/gu) ?? []).slice(0, 8);
  if (words.length === 0) return [];
  const matches = words.map((w) =>
    or(
      contains(contentItems.title, w),
      contains(contentItems.notes, w),
      contains(contentItems.utmContent, w),
      contains(campaigns.name, w),
      contains(campaigns.trackingCode, w),
    ),
  );
  return select(ctx)
    .where(and(live(), ...matches))
    .orderBy(
      sql`${contentItems.scheduledDate} IS NULL`,
      desc(contentItems.scheduledDate),
      asc(contentItems.title),
    )
    .limit(limit)
    .all()
    .map(toContentItem);
}

/** The month or week view: items dated inside the range across campaigns, filtered by channel/campaign/status. */
export function contentRange(ctx: Ctx, input: z.output<typeof ContentRangeInput>): ContentRange {
  const span = daysBetween(input.from, input.to);
  if (span < 0) rejectIssues('Range', [{ field: 'to', message: 'the last day is before the first day' }]);
  if (span > MAX_RANGE_DAYS)
    rejectIssues('Range', [{ field: 'to', message: `show at most ${MAX_RANGE_DAYS} days at once` }]);
  const filters: (SQL | undefined)[] = [live()];
  if (input.channel) filters.push(eq(contentItems.channel, input.channel));
  if (input.campaignId) filters.push(eq(contentItems.campaignId, input.campaignId));
  if (input.status) filters.push(eq(contentItems.status, input.status));
  const items = select(ctx)
    .where(
      and(...filters, gte(contentItems.scheduledDate, input.from), lte(contentItems.scheduledDate, input.to)),
    )
    .orderBy(asc(contentItems.scheduledDate), asc(contentItems.title), asc(contentItems.id))
    .all();
  const unscheduled = input.includeUnscheduled
    ? select(ctx)
        .where(and(...filters, isNull(contentItems.scheduledDate)))
        .orderBy(asc(contentItems.createdAt), asc(contentItems.id))
        .all()
    : [];
  return {
    from: input.from,
    to: input.to,
    items: items.map(toContentItem),
    unscheduled: unscheduled.map(toContentItem),
  };
}

interface Merged {
  campaignId: string | null;
  channel: string | undefined;
  status: string;
  scheduledDate: string | null;
}

function issuesFor(ctx: Ctx, item: Merged): { issues: FieldIssue[]; campaignChannel: string | null } {
  const issues: FieldIssue[] = [];
  let campaignChannel: string | null = null;
  if (item.campaignId) {
    const campaign = ctx.db
      .select({ channel: campaigns.channel })
      .from(campaigns)
      .where(and(eq(campaigns.id, item.campaignId), isNull(campaigns.deletedAt)))
      .get();
    if (!campaign)
      issues.push({ field: 'campaignId', message: 'that campaign does not exist or was deleted' });
    campaignChannel = campaign?.channel ?? null;
  }
  if (!item.channel && !campaignChannel && !issues.length) {
    issues.push({ field: 'channel', message: 'choose a channel (or a campaign to take it from)' });
  }
  if ((item.status === 'scheduled' || item.status === 'published') && !item.scheduledDate) {
    issues.push({ field: 'scheduledDate', message: `a ${item.status} item needs a date` });
  }
  return { issues, campaignChannel };
}

function values(input: PatchInput): Partial<typeof contentItems.$inferInsert> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    out[key] = (key === 'link' || key === 'utmContent') && value === '' ? null : value;
  }
  return out as Partial<typeof contentItems.$inferInsert>;
}

export function createContent(ctx: Ctx, input: CreateInput): ContentItem {
  const status = input.status ?? 'idea';
  const merged = {
    campaignId: input.campaignId ?? null,
    channel: input.channel,
    status,
    scheduledDate: input.scheduledDate ?? null,
  };
  const { issues, campaignChannel } = issuesFor(ctx, merged);
  rejectIssues('Content item', issues);
  const now = ctx.nowIso();
  const { id } = ctx.db
    .insert(contentItems)
    .values({
      ...values(input),
      title: input.title,
      status,
      channel: input.channel ?? campaignChannel ?? 'other',
      // A content item always gets a utm_content, so its links can be told apart in the analytics.
      utmContent: input.utmContent || slugify(input.title) || null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: contentItems.id })
    .get();
  return getContent(ctx, id);
}

export function updateContent(ctx: Ctx, id: string, patch: PatchInput): ContentItem {
  const current = getContent(ctx, id);
  const merged = {
    campaignId: patch.campaignId !== undefined ? patch.campaignId : current.campaignId,
    channel: patch.channel ?? current.channel,
    status: patch.status ?? current.status,
    scheduledDate: patch.scheduledDate !== undefined ? patch.scheduledDate : current.scheduledDate,
  };
  rejectIssues('Content item', issuesFor(ctx, merged).issues);
  ctx.db
    .update(contentItems)
    .set({ ...values(patch), updatedAt: ctx.nowIso() })
    .where(eq(contentItems.id, id))
    .run();
  return getContent(ctx, id);
}

/** Drag and drop on the calendar: only the date changes. */
export function rescheduleContent(ctx: Ctx, id: string, date: string): ContentItem {
  getContent(ctx, id);
  ctx.db
    .update(contentItems)
    .set({ scheduledDate: date, updatedAt: ctx.nowIso() })
    .where(eq(contentItems.id, id))
    .run();
  return getContent(ctx, id);
}

export function deleteContent(ctx: Ctx, id: string): { id: string } {
  getContent(ctx, id);
  softDelete(ctx, 'content', id);
  return { id };
}

export function restoreContent(ctx: Ctx, id: string): ContentItem {
  getContent(ctx, id, true);
  softRestore(ctx, 'content', id);
  return getContent(ctx, id);
}
