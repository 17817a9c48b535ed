import { describe, expect, it } from 'vitest';
import type { SpendOverlap } from '@shared/api/spend';
import { createFormatter } from '@shared/domain/format';
import { metricsSpan, overlapText } from './overlap';

const format = createFormatter('en-US', 'USD');
const overlap: SpendOverlap = {
  campaignId: 'c1',
  campaignName: 'Retargeting',
  source: 'imported',
  firstDay: '2026-04-06',
  lastDay: '2026-06-30',
  importedMinor: 3_445_45,
  importedEntries: 86,
  manualMinor: 2_800_00,
  manualEntries: 1,
};

describe('what the overlap says', () => {
  it('gives the days, both totals and the side that counts', () => {
    expect(overlapText(overlap, format)).toEqual({
      days: 'Apr 6, 2026 – Jun 30, 2026',
      imported: '$3,445.45 imported (86 entries)',
      manual: '$2,800.00 logged by hand (1 entry)',
      counts: 'Counting the imported $3,445.45; the $2,800.00 logged by hand on these days is left out.',
    });
    expect(overlapText({ ...overlap, source: 'manual' }, format).counts).toBe(
      'Counting the $2,800.00 logged by hand; the imported $3,445.45 is left out.',
    );
  });

  it('names the imports that brought reach, impressions and clicks, or nothing without them', () => {
    const metrics = {
      reach: 10,
      impressions: 20,
      clicks: 3,
      days: 86,
      firstDay: '2026-04-06',
      lastDay: '2026-06-30',
      sources: ['meta'],
    };
    expect(metricsSpan(metrics, format)).toBe('Meta, Apr 6, 2026 – Jun 30, 2026 (86 days)');
    expect(
      metricsSpan({ ...metrics, days: 0, firstDay: null, lastDay: null, reach: null, sources: [] }, format),
    ).toBeNull();
  });
});
