import type { Hat, TodayItem, TodayQueue } from '@shared/api/today';
import { addDays, dayStartIso, daysBetween, startOfWeek } from '@shared/domain/dates';
import { CONTACT_NAME } from '../activities/queries';
import type { Ctx } from '../context';
import { all, get } from '../db/prepared';
import { getSettings } from '../settings/service';
import { todayOf } from './day';
import type { activities, campaigns, contentItems } from '../db/schema';
import type { Row } from '../db/typed';

type Bucket = 'overdue' | 'today' | 'upcoming';
const BUCKETS: Bucket[] = ['overdue', 'today', 'upcoming'];
/** The upcoming bucket covers the 7 days after today. */
const HORIZON_DAYS = 7;

/**
 * Open, live follow-ups: exactly the partial index `activities_open_due_idx`. Deleting a lead or contact
 * deletes its activities with it, so no join is needed to leave theirs out.
 */
const OPEN_ACTIVITY = 'a.done_at IS NULL AND a.deleted_at IS NULL';

interface Bounds {
  today: string;
  /** Instants: start of today, start of tomorrow, end of the upcoming window. */
  start: string;
  tomorrow: string;
  end: string;
  horizon: string;
}

function activityItems(ctx: Ctx, b: Bounds, bucket: Bucket, limit: number): TodayItem[] {
  const [from, to] =
    bucket === 'overdue' ? ['', b.start] : bucket === 'today' ? [b.start, b.tomorrow] : [b.tomorrow, b.end];
  // due_at is NOT NULL here: the WHERE compares it with the bounds.
  const rows = all<
    Row<typeof activities, 'id' | 'type' | 'subject' | 'leadId' | 'contactId'> & {
      dueAt: string;
      leadTitle: string | null;
      contactName: string | null;
    }
  >(
    ctx.sqlite,
    `SELECT a.id, a.type, a.subject, a.due_at AS dueAt, a.lead_id AS leadId, a.contact_id AS contactId,
       (SELECT l.title FROM leads l WHERE l.id = a.lead_id) AS leadTitle,
       (SELECT ${CONTACT_NAME('c')} FROM contacts c WHERE c.id = a.contact_id) AS contactName
     FROM activities a INDEXED BY activities_open_due_idx
     WHERE ${OPEN_ACTIVITY} AND a.due_at >= ? AND a.due_at < ?
     ORDER BY a.due_at, a.id LIMIT ?`,
    from,
    to,
    limit,
  );
  return rows.map((r) => {
    const dueDate = r.dueAt.slice(0, 10);
    return {
      kind: 'activity',
      hat: 'sales',
      id: r.id,
      type: r.type,
      title: r.subject,
      subtitle: [r.leadTitle, r.contactName].filter(Boolean).join(' · '),
      dueDate,
      dueAt: r.dueAt,
      daysLate: Math.max(0, daysBetween(dueDate, b.today)),
      leadId: r.leadId,
      contactId: r.contactId,
      campaignId: null,
    };
  });
}

function activityCounts(ctx: Ctx, b: Bounds): Record<Bucket, number> {
  const row = get<Record<Bucket, number | null>>(
    ctx.sqlite,
    `SELECT sum(a.due_at < ?) AS overdue, sum(a.due_at >= ? AND a.due_at < ?) AS today, sum(a.due_at >= ?) AS upcoming
     FROM activities a INDEXED BY activities_open_due_idx WHERE ${OPEN_ACTIVITY} AND a.due_at < ?`,
    b.start,
    b.start,
    b.tomorrow,
    b.tomorrow,
    b.end,
  );
  return { overdue: row?.overdue ?? 0, today: row?.today ?? 0, upcoming: row?.upcoming ?? 0 };
}

/**
 * Marketing work due by the horizon: content items scheduled and not yet published, and campaign launches
 * (start date today or earlier while the campaign is neither active nor done).
 */
function marketingItems(ctx: Ctx, b: Bounds): TodayItem[] {
  const content = all<
    Row<typeof contentItems, 'id' | 'channel' | 'title' | 'status' | 'campaignId'> & {
      dueDate: string;
      campaignName: string | null;
    }
  >(
    ctx.sqlite,
    `SELECT ci.id, ci.channel, ci.title, ci.status, substr(ci.scheduled_date, 1, 10) AS dueDate, ci.campaign_id AS campaignId,
       cp.name AS campaignName
     FROM content_items ci LEFT JOIN campaigns cp ON cp.id = ci.campaign_id
     WHERE ci.deleted_at IS NULL AND ci.status != 'published' AND ci.scheduled_date IS NOT NULL
       AND substr(ci.scheduled_date, 1, 10) <= ? AND (ci.campaign_id IS NULL OR cp.deleted_at IS NULL)`,
    b.horizon,
  );
  const launches = all<Row<typeof campaigns, 'id' | 'channel' | 'name' | 'status'> & { dueDate: string }>(
    ctx.sqlite,
    `SELECT id, channel, name, status, substr(start_date, 1, 10) AS dueDate FROM campaigns
     WHERE deleted_at IS NULL AND start_date IS NOT NULL AND substr(start_date, 1, 10) <= ? AND status NOT IN ('active', 'done')`,
    b.today,
  );
  const late = (day: string) => Math.max(0, daysBetween(day, b.today));
  return [
    ...content.map((c): TodayItem => ({
      kind: 'content',
      hat: 'marketing',
      id: c.id,
      type: c.channel,
      title: c.title,
      subtitle: [c.campaignName, c.status].filter(Boolean).join(' · '),
      dueDate: c.dueDate,
      dueAt: null,
      daysLate: late(c.dueDate),
      leadId: null,
      contactId: null,
      campaignId: c.campaignId,
    })),
    ...launches.map((c): TodayItem => ({
      kind: 'launch',
      hat: 'marketing',
      id: c.id,
      type: c.channel,
      title: `Launch ${c.name}`,
      subtitle: `Campaign · ${c.status}`,
      dueDate: c.dueDate,
      dueAt: null,
      daysLate: late(c.dueDate),
      leadId: null,
      contactId: null,
      campaignId: c.id,
    })),
  ];
}

function bucketOf(dueDate: string, b: Bounds): Bucket {
  return dueDate < b.today ? 'overdue' : dueDate === b.today ? 'today' : 'upcoming';
}

const KIND_ORDER: Record<TodayItem['kind'], number> = { launch: 0, content: 1, activity: 2 };

/** Earliest day first; within a day all-day marketing items come before timed follow-ups. */
const byDue = (x: TodayItem, y: TodayItem) =>
  x.dueDate.localeCompare(y.dueDate) ||
  (x.dueAt ?? '').localeCompare(y.dueAt ?? '') ||
  KIND_ORDER[x.kind] - KIND_ORDER[y.kind] ||
  x.title.localeCompare(y.title) ||
  x.id.localeCompare(y.id);

/**
 * The Today queue. Days are UTC days of the injected clock: overdue is due before today, today is due today,
 * upcoming is due in the next 7 days. Sales follow-ups and marketing tasks share the queue, filtered by hat.
 */
export function todayQueue(ctx: Ctx, input: { hat: Hat; limit: number }): TodayQueue {
  const today = todayOf(ctx);
  const horizon = addDays(today, HORIZON_DAYS);
  const b: Bounds = {
    today,
    start: dayStartIso(today),
    tomorrow: dayStartIso(addDays(today, 1)),
    end: dayStartIso(addDays(horizon, 1)),
    horizon,
  };
  const counts: Record<Bucket, number> = { overdue: 0, today: 0, upcoming: 0 };
  const lists: Record<Bucket, TodayItem[]> = { overdue: [], today: [], upcoming: [] };
  if (input.hat !== 'marketing') {
    const sales = activityCounts(ctx, b);
    for (const bucket of BUCKETS) {
      counts[bucket] += sales[bucket];
      lists[bucket].push(...activityItems(ctx, b, bucket, input.limit));
    }
  }
  if (input.hat !== 'sales') {
    for (const item of marketingItems(ctx, b)) {
      const bucket = bucketOf(item.dueDate, b);
      counts[bucket] += 1;
      lists[bucket].push(item);
    }
  }
  const weekStart = startOfWeek(today, getSettings(ctx).weekStart);
  return {
    date: today,
    weekStart,
    horizon,
    counts,
    overdue: lists.overdue.sort(byDue).slice(0, input.limit),
    today: lists.today.sort(byDue).slice(0, input.limit),
    upcoming: lists.upcoming.sort(byDue).slice(0, input.limit),
  };
}
