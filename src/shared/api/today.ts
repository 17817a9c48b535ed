import { z } from 'zod';
import { query } from '../contract/define';

/** Which hat the owner is wearing: sales follow-ups, marketing tasks, or both in one queue. */
export const Hat = z.enum(['sales', 'marketing', 'both']);
export type Hat = z.infer<typeof Hat>;

export const TodayItem = z.object({
  /** activity: a follow-up; content: a content item due and not published; launch: a campaign to start. */
  kind: z.enum(['activity', 'content', 'launch']),
  hat: z.enum(['sales', 'marketing']),
  id: z.string(),
  /** Activity type (call, email…), the content item's channel, or the campaign's channel. */
  type: z.string(),
  title: z.string(),
  subtitle: z.string(),
  /** UTC calendar day the item is due. */
  dueDate: z.string(),
  /** Activities only: the stored due instant. */
  dueAt: z.string().nullable(),
  /** Days past due (0 when due today or later). */
  daysLate: z.number().int(),
  leadId: z.string().nullable(),
  contactId: z.string().nullable(),
  campaignId: z.string().nullable(),
});
export type TodayItem = z.infer<typeof TodayItem>;

export const TodayQueue = z.object({
  /** Today's date: the UTC day of the core's clock. */
  date: z.string(),
  /** First day of this week by the workspace's week start. */
  weekStart: z.string(),
  /** Last day of the upcoming bucket (today + 7). */
  horizon: z.string(),
  counts: z.object({ overdue: z.number().int(), today: z.number().int(), upcoming: z.number().int() }),
  overdue: z.array(TodayItem),
  today: z.array(TodayItem),
  upcoming: z.array(TodayItem),
});
export type TodayQueue = z.infer<typeof TodayQueue>;

export const todayApi = {
  /**
   * Follow-ups and marketing tasks due: overdue, today, and the next 7 days. Each list holds at most `limit`
   * items (earliest first); `counts` are the full numbers. Act on items with activities.complete / snooze.
   */
  'today.queue': query(
    z.strictObject({ hat: Hat.default('both'), limit: z.number().int().min(1).max(500).default(100) }),
    TodayQueue,
  ),
};
