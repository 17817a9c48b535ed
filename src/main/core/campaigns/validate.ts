import { and, eq, isNull, ne } from 'drizzle-orm';
import { fail, type FieldIssue } from '@shared/contract/result';
import { slugify, uniqueCode } from '@shared/domain/utm';
import type { Ctx } from '../context';
import { campaigns, plans } from '../db/schema';

/** Refuses a save with every problem named by field, in the same shape as input validation. */
export function rejectIssues(what: string, issues: FieldIssue[]): void {
  if (issues.length === 0) return;
  fail(
    'validation',
    `${what} not saved: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    issues,
  );
}

export function planExists(ctx: Ctx, planId: string): boolean {
  return Boolean(
    ctx.db
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.id, planId), isNull(plans.deletedAt)))
      .get(),
  );
}

/** The campaign (deleted ones too: they keep their code so a restore never collides) holding a code. */
function holderOf(ctx: Ctx, code: string, exceptId?: string) {
  const where = exceptId
    ? and(eq(campaigns.trackingCode, code), ne(campaigns.id, exceptId))
    : eq(campaigns.trackingCode, code);
  return ctx.db
    .select({ name: campaigns.name, deletedAt: campaigns.deletedAt })
    .from(campaigns)
    .where(where)
    .get();
}

export const codeTaken = (ctx: Ctx) => (code: string) => holderOf(ctx, code) !== undefined;

/** A tracking code made from the campaign's name, unique among all campaigns. */
export function trackingCodeFor(ctx: Ctx, name: string): string {
  return uniqueCode(slugify(name), codeTaken(ctx));
}

export interface CampaignRules {
  planId: string | null;
  startDate: string | null;
  endDate: string | null;
  trackingCode: string | null;
}

/** The checks that need the database or more than one field; single fields are checked by the schema. */
export function campaignIssues(ctx: Ctx, c: CampaignRules, selfId?: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (c.planId && !planExists(ctx, c.planId)) {
    issues.push({ field: 'planId', message: 'that plan does not exist or was deleted' });
  }
  if (c.startDate && c.endDate && c.endDate < c.startDate) {
    issues.push({
      field: 'endDate',
      message: 'the end date is before the start date',
    });
  }
  if (c.trackingCode) {
    const holder = holderOf(ctx, c.trackingCode, selfId);
    if (holder) {
      const deleted = holder.deletedAt ? ' (deleted; restore it or pick another code)' : '';
      issues.push({
        field: 'trackingCode',
        message: `"${c.trackingCode}" is already used by the campaign "${holder.name}"${deleted}`,
      });
    }
  }
  return issues;
}
