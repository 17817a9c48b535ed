import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LeadListInput } from '@shared/api/leads';
import type { Ctx } from '../src/main/core/context';
import { openDatabase } from '../src/main/core/db/open';
import { leadBoard } from '../src/main/core/leads/board';
import { listLeads } from '../src/main/core/leads/list';
import { searchAll } from '../src/main/core/search/service';
import { todayQueue } from '../src/main/core/today/service';
import { ensureWorkspaceDefaults } from '../src/main/core/workspace/defaults';
import { createRandom } from '../src/main/core/demo/random';
import { atMost, median, percentile, type Figure } from './figure';
import { generateSalesData, VOCAB } from './sales-data';

const TODAY = '2026-10-15';
const SCALE = { leads: 100_000, activities: 500_000, companies: 5_000, campaigns: 40 };

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Varied queries a person types: names, places, deal and subject words, whole or as prefixes, one or two words. */
function searchTerms(count: number): string[] {
  const rnd = createRandom(7);
  const words = [
    ...VOCAB.first,
    ...VOCAB.last,
    ...VOCAB.place,
    ...VOCAB.kind,
    ...VOCAB.city,
    ...VOCAB.deal.join(' ').split(' '),
    ...VOCAB.subject.join(' ').split(' '),
  ].filter((w) => w.length >= 3);
  const terms: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = rnd.pick(words).toLowerCase();
    const prefix = word.slice(0, rnd.int(Math.min(3, word.length), word.length));
    terms.push(i % 3 === 0 ? `${rnd.pick(VOCAB.first)} ${prefix}` : prefix);
  }
  return terms;
}

/**
 * Sales at scale: 100k leads (each with a contact), 5k companies, 40 campaigns and 500k activities, then the
 * figures measured through the real service functions on a file database.
 */
export async function benchSales(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-sales-'));
  const connection = await openDatabase(join(dir, 'bench.sqlite'));
  try {
    const clock = { now: () => new Date(`${TODAY}T12:00:00Z`) };
    const ctx: Ctx = {
      db: connection.db,
      sqlite: connection.sqlite,
      clock,
      nowIso: () => clock.now().toISOString(),
      emit: () => undefined,
    };
    ensureWorkspaceDefaults(ctx);
    generateSalesData(connection.sqlite, TODAY, SCALE);

    // 300 different searches; each is timed three times and counts with its median, so a stall of the
    // machine during one run does not pass for the cost of that search.
    const terms = searchTerms(300);
    for (const text of terms.slice(0, 20)) searchAll(ctx, { text, limit: 20 });
    const searchTimes = terms.map((text) =>
      median([0, 1, 2].map(() => time(() => searchAll(ctx, { text, limit: 20 })))),
    );

    const runs = (n: number, fn: (i: number) => unknown) => {
      fn(0);
      return Array.from({ length: n }, (_, i) => time(() => fn(i)));
    };
    const todayTimes = runs(15, () => todayQueue(ctx, { hat: 'both', limit: 100 }));
    const boardTimes = runs(15, () => leadBoard(ctx, { perStage: 50 }));

    const stages = connection.sqlite.prepare('SELECT id FROM pipeline_stages ORDER BY position').all() as {
      id: string;
    }[];
    const campaign = (connection.sqlite.prepare('SELECT id FROM campaigns LIMIT 1').get() as { id: string })
      .id;
    const filters: LeadListInput[] = [
      { stageId: stages[2]?.id },
      { campaignId: campaign },
      { channel: 'email', sort: 'value' },
      { rating: 5, sort: 'expectedClose', direction: 'asc' },
      { owner: 'Sam', outcome: 'open', offset: 500 },
      { search: 'tasting' },
    ];
    const pageTimes = runs(18, (i) => {
      const filter = filters[i % filters.length];
      return listLeads(ctx, {
        sort: 'createdAt',
        direction: 'desc',
        offset: 0,
        limit: 100,
        ...filter,
      } as Parameters<typeof listLeads>[1]);
    });

    return [
      atMost('search.p95_ms', percentile(searchTimes, 95), 'ms', 10),
      atMost('today.ms', median(todayTimes), 'ms', 50),
      atMost('board.ms', median(boardTimes), 'ms', 50),
      atMost('leads_page.ms', median(pageTimes), 'ms', 50),
    ];
  } finally {
    connection.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
