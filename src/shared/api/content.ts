import { z } from 'zod';
import { command, query } from '../contract/define';
import { Id, IsoDate } from '../domain/ids';
import { CHANNELS, httpUrlProblem, trackingCodeProblem } from '../domain/utm';

export const ContentStatus = z.enum(['idea', 'draft', 'scheduled', 'published']);
export type ContentStatus = z.infer<typeof ContentStatus>;

/** A web link, or '' / null for none. */
export const WebLink = z
  .union([
    z.literal(''),
    z
      .string()
      .trim()
      .max(2000)
      .superRefine((value, ctx) => {
        const problem = httpUrlProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
  ])
  .nullable();

/** utm_content follows the same rules as a tracking code; '' or null for none (a code is then made up). */
const UtmContent = z
  .union([
    z.literal(''),
    z.string().superRefine((value, ctx) => {
      const problem = trackingCodeProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  ])
  .nullable();

const ContentFields = z.object({
  title: z.string().trim().min(1, 'enter a title').max(200),
  /** Defaults to the campaign's channel; required without a campaign. */
  channel: z.enum(CHANNELS),
  campaignId: Id.nullable(),
  notes: z.string().max(10_000),
  scheduledDate: IsoDate.nullable(),
  status: ContentStatus,
  link: WebLink,
  utmContent: UtmContent,
});

export const ContentCreate = ContentFields.partial().required({ title: true }).strict();
export type ContentCreate = z.input<typeof ContentCreate>;
export const ContentPatch = ContentFields.partial().strict();
export type ContentPatch = z.input<typeof ContentPatch>;

export const ContentItem = z.object({
  id: z.string(),
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
  trackingCode: z.string().nullable(),
  channel: z.string(),
  title: z.string(),
  notes: z.string(),
  scheduledDate: z.string().nullable(),
  status: ContentStatus,
  link: z.string().nullable(),
  utmContent: z.string().nullable(),
  /** `link` tagged with the campaign's utm_* and this item's utm_content; null without link or campaign code. */
  taggedUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContentItem = z.infer<typeof ContentItem>;

export const ContentRangeInput = z.strictObject({
  /** First and last day shown (inclusive); see monthGridRange / weekRange in shared/domain/periods. */
  from: IsoDate,
  to: IsoDate,
  channel: z.enum(CHANNELS).optional(),
  campaignId: Id.optional(),
  status: ContentStatus.optional(),
  /** Also return items without a date (ideas), filtered the same way. */
  includeUnscheduled: z.boolean().default(false),
});
export type ContentRangeInput = z.input<typeof ContentRangeInput>;

export const ContentRange = z.object({
  from: z.string(),
  to: z.string(),
  /** Ordered by date, then title. */
  items: z.array(ContentItem),
  unscheduled: z.array(ContentItem),
});
export type ContentRange = z.infer<typeof ContentRange>;

export const contentApi = {
  'content.range': query(ContentRangeInput, ContentRange),
  'content.get': query(z.strictObject({ id: Id }), ContentItem),
  'content.create': command(ContentCreate, ContentItem),
  'content.update': command(z.strictObject({ id: Id, patch: ContentPatch }), ContentItem),
  /** Moves an item to another day (drag and drop on the calendar). */
  'content.reschedule': command(z.strictObject({ id: Id, date: IsoDate }), ContentItem),
  'content.delete': command(z.strictObject({ id: Id }), z.object({ id: z.string() })),
  'content.restore': command(z.strictObject({ id: Id }), ContentItem),
  /** Every word in the title, notes, utm_content or the campaign's name or tracking code (the palette). */
  'content.search': query(
    z.strictObject({
      text: z.string().trim().min(1, 'type something to search for').max(200),
      limit: z.number().int().min(1).max(50).default(8),
    }),
    z.array(ContentItem),
  ),
};
