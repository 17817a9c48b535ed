import { z } from 'zod';
import { ATTRIBUTION_MODELS } from '../domain/attribution';

/** How a figure is attributed and compared: shared by results, reports and scheduled reports. */

export const AttributionModelSchema = z.enum(ATTRIBUTION_MODELS, {
  message: 'expected a model: first, last, linear, position or time_decay',
});
export const CompareModeSchema = z.enum(['previous', 'year'], {
  message: 'expected a comparison: previous or year',
});
export const LookbackDays = z
  .number({ message: 'expected a lookback in days' })
  .int('expected whole days')
  .min(1, 'a lookback is at least 1 day')
  .max(3650, 'a lookback is at most 3650 days');
