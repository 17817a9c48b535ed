import { isoDay } from '@shared/domain/dates';
import type { Ctx } from '../context';

/**
 * Today's calendar day: the UTC day of the injected clock. Due dates, overdue flags, Today buckets and cadence
 * start days all use UTC days, so a follow-up belongs to the same day whichever machine or test computes it.
 */
export function todayOf(ctx: Ctx): string {
  return isoDay(ctx.clock.now());
}
