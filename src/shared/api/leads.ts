import { z } from 'zod';
import { command, query } from '../contract/define';
import { Id, IsoDate } from '../domain/ids';
import { Activity, OrderSummary } from './activities';
import { Enrollment } from './cadences';
import { ContactCreate } from './contact-fields';

/** Campaign channels plus `unknown`: an explicit "we don't know where this lead came from". */
export const LeadChannel = z.enum(['social', 'email', 'web', 'ads', 'event', 'referral', 'other', 'unknown']);
export type LeadChannel = z.infer<typeof LeadChannel>;
export const StageOutcome = z.enum(['open', 'won', 'lost']);

const Title = z.string().trim().min(1, 'enter a title').max(200);
const ValueMinor = z
  .number()
  .int('expected whole minor units (cents)')
  .min(0, 'the value cannot be negative')
  .max(1e13, 'the value is too large');
const Owner = z.string().trim().max(100);
const LostReason = z.string().trim().min(1, 'say why the lead was lost').max(300);
/**
 * What closing a lead (won or lost) does with its open follow-ups: mark them done, cancel them (they leave
 * Today, as a stopped cadence's steps do), or keep them open. Cancel when the caller does not say.
 */
export const FollowUpsOnClose = z.enum(['done', 'cancel', 'keep']);
export type FollowUpsOnClose = z.infer<typeof FollowUpsOnClose>;

export const LeadCreate = z
  .strictObject({
    title: Title,
    contactId: Id.optional(),
    /** Creates the contact together with the lead, in one step. */
    newContact: ContactCreate.optional(),
    /** null (or absent) with channel `unknown`: source unknown. */
    campaignId: Id.nullable().optional(),
    /** Defaults to the campaign's channel, or `unknown`. */
    channel: LeadChannel.optional(),
    /** Defaults to the first open stage. */
    stageId: Id.optional(),
    valueMinor: ValueMinor.default(0),
    expectedCloseDate: IsoDate.nullable().optional(),
    owner: Owner.optional(),
  })
  .refine((l) => !(l.contactId && l.newContact), {
    message: 'choose an existing contact or enter a new one, not both',
    path: ['newContact'],
  });
export type LeadCreate = z.input<typeof LeadCreate>;

export const LeadPatch = z.strictObject({
  title: Title.optional(),
  contactId: Id.nullable().optional(),
  campaignId: Id.nullable().optional(),
  channel: LeadChannel.optional(),
  valueMinor: ValueMinor.optional(),
  expectedCloseDate: IsoDate.nullable().optional(),
  owner: Owner.optional(),
});

export const NextActivity = z.object({
  id: z.string(),
  type: z.string(),
  subject: z.string(),
  dueAt: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
});

export const Lead = z.object({
  id: z.string(),
  title: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
  channel: LeadChannel,
  stageId: z.string(),
  stageName: z.string(),
  outcome: StageOutcome,
  probability: z.number().int(),
  valueMinor: z.number().int(),
  expectedCloseDate: z.string().nullable(),
  owner: z.string(),
  rating: z.number().int().nullable(),
  ratingNote: z.string(),
  ratedBy: z.string().nullable(),
  ratedAt: z.string().nullable(),
  lostReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  boardRank: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The earliest open follow-up with a due date. */
  nextActivity: NextActivity.nullable(),
  /** Open follow-ups, dated or not: closing the lead asks what to do with them. */
  openFollowUps: z.number().int(),
});
export type Lead = z.infer<typeof Lead>;

/** Filters shared by the table and the board. */
const filterFields = {
  /** Full-text, prefix-matched: the lead's title, its contact's or its company's name. */
  search: z.string().trim().max(200).optional(),
  stageId: Id.optional(),
  outcome: StageOutcome.optional(),
  /** A campaign id, or `none` for leads without a campaign. */
  campaignId: z.union([Id, z.literal('none')]).optional(),
  channel: LeadChannel.optional(),
  /** An exact rating 1–5, or `unrated`. */
  rating: z.union([z.number().int().min(1).max(5), z.literal('unrated')]).optional(),
  owner: Owner.optional(),
  contactId: Id.optional(),
  companyId: Id.optional(),
};
export type LeadFilter = { [K in keyof typeof filterFields]?: z.output<(typeof filterFields)[K]> };

export const LeadSort = z.enum([
  'createdAt',
  'updatedAt',
  'title',
  'value',
  'expectedClose',
  'stage',
  'rating',
  'contact',
]);

export const LeadListInput = z.strictObject({
  ...filterFields,
  sort: LeadSort.default('createdAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type LeadListInput = z.input<typeof LeadListInput>;

export const LeadPage = z.object({ total: z.number().int(), rows: z.array(Lead) });
export type LeadPage = z.infer<typeof LeadPage>;

export const Stage = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  probability: z.number().int(),
  outcome: StageOutcome,
  leadCount: z.number().int(),
});
export type Stage = z.infer<typeof Stage>;

const StageName = z.string().trim().min(1, 'enter a stage name').max(60);
const Probability = z
  .number()
  .int('expected a whole percentage')
  .min(0, 'expected 0–100')
  .max(100, 'expected 0–100');

export const BoardColumn = z.object({
  stage: Stage,
  count: z.number().int(),
  totalValueMinor: z.number().int(),
  /** totalValue × the stage's win probability. */
  weightedValueMinor: z.number().int(),
  cards: z.array(Lead),
  hasMore: z.boolean(),
});

export const Board = z.object({
  columns: z.array(BoardColumn),
  /** Open stages only: the pipeline value, plain and weighted. */
  pipelineValueMinor: z.number().int(),
  weightedPipelineValueMinor: z.number().int(),
});
export type Board = z.infer<typeof Board>;

export const StageChange = z.object({
  id: z.string(),
  fromStageId: z.string().nullable(),
  fromStageName: z.string().nullable(),
  toStageId: z.string(),
  toStageName: z.string(),
  changedAt: z.string(),
});

export const LeadDetail = z.object({
  lead: Lead,
  history: z.array(StageChange),
  activities: z.array(Activity),
  enrollments: z.array(Enrollment),
  orders: z.array(OrderSummary),
});

export const RatingRow = z.object({
  leads: z.number().int(),
  rated: z.number().int(),
  /** null when nothing is rated. */
  averageRating: z.number().nullable(),
  /** Share of rated leads rated 4 or 5 (0–1), null when nothing is rated. */
  shareHigh: z.number().nullable(),
});

export const RatingSummary = z.object({
  overall: RatingRow,
  byCampaign: z.array(
    RatingRow.extend({
      campaignId: z.string().nullable(),
      campaignName: z.string(),
      channel: z.string().nullable(),
    }),
  ),
  byChannel: z.array(RatingRow.extend({ channel: z.string() })),
});
export type RatingSummary = z.infer<typeof RatingSummary>;

const ById = z.strictObject({ id: Id });

export const leadsApi = {
  'leads.list': query(LeadListInput, LeadPage),
  'leads.get': query(ById, Lead),
  'leads.detail': query(ById, LeadDetail),
  'leads.history': query(ById, z.array(StageChange)),
  'leads.create': command(LeadCreate, Lead),
  'leads.update': command(z.strictObject({ id: Id, patch: LeadPatch }), Lead),
  /**
   * Board drag: into a stage, before another card (or last). Records stage history; lost needs a reason;
   * closing resolves the open follow-ups as `followUps` says.
   */
  'leads.move': command(
    z.strictObject({
      id: Id,
      stageId: Id,
      beforeId: Id.nullable().optional(),
      lostReason: LostReason.optional(),
      followUps: FollowUpsOnClose.optional(),
    }),
    Lead,
  ),
  /** Won or lost without picking a stage: moves to the first stage with that outcome. */
  'leads.close': command(
    z.strictObject({
      id: Id,
      outcome: z.enum(['won', 'lost']),
      lostReason: LostReason.optional(),
      followUps: FollowUpsOnClose.optional(),
    }),
    Lead,
  ),
  /** Sales' quality rating for marketing; null clears it. */
  'leads.rate': command(
    z.strictObject({
      id: Id,
      rating: z.number().int().min(1, 'expected 1–5').max(5, 'expected 1–5').nullable(),
      note: z.string().trim().max(500).optional(),
      ratedBy: z.string().trim().min(1).max(100).optional(),
    }),
    Lead,
  ),
  /** Rating summary per campaign and per channel, for leads created in the period (all time if omitted). */
  'leads.ratingSummary': query(
    z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() }),
    RatingSummary,
  ),
  'leads.board': query(
    z.strictObject({ ...filterFields, perStage: z.number().int().min(1).max(500).default(50) }),
    Board,
  ),
  'leads.delete': command(ById, z.object({ id: z.string() })),
  'leads.restore': command(ById, Lead),
  'leads.stages': query(z.strictObject({}), z.array(Stage)),
  'leads.createStage': command(
    z.strictObject({
      name: StageName,
      probability: Probability,
      outcome: StageOutcome.default('open'),
      /** Insert at this position (0 = first); last if omitted. */
      position: z.number().int().min(0).optional(),
    }),
    Stage,
  ),
  'leads.updateStage': command(
    z.strictObject({
      id: Id,
      name: StageName.optional(),
      probability: Probability.optional(),
      outcome: StageOutcome.optional(),
    }),
    Stage,
  ),
  /** The full new order of the stages. */
  'leads.reorderStages': command(z.strictObject({ ids: z.array(Id).min(1) }), z.array(Stage)),
  /** Only an empty stage can be deleted; the last open, won or lost stage stays. */
  'leads.deleteStage': command(ById, z.object({ id: z.string() })),
};
