import { useQueries } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Input, Output } from '@shared/api';
import { methodQuery } from './useQuery';

const PAGE = 100;

/** The list methods the core pages for virtualized tables: `{ offset, limit }` in, `{ total, rows }` out. */
type PagedMethod = 'contacts.list' | 'leads.list' | 'orders.list' | 'payments.list';
type Row<K extends PagedMethod> = Output<K>['rows'][number];
export type PageFilter<K extends PagedMethod> = Omit<Input<K>, 'offset' | 'limit'>;

interface Wanted {
  key: string;
  pages: number[];
}

/** The pages to keep fetched once rows `start`–`end` are on screen (the same object when nothing is new). */
function withPages(previous: Wanted, key: string, start: number, end: number): Wanted {
  const known = previous.key === key ? previous.pages : [0];
  const missing: number[] = [];
  for (let p = Math.floor(start / PAGE); p <= Math.floor(end / PAGE); p++)
    if (!known.includes(p)) missing.push(p);
  return missing.length === 0 && previous.key === key ? previous : { key, pages: [...known, ...missing] };
}

/**
 * Server-side paging for a virtualized table: pages of 100 are fetched as they scroll into view, so a
 * workspace of 100k rows costs no more than one of 100. Each page is an entry of the shared query cache, so a
 * data change refetches the pages on screen in place (the rows never blink away); a new filter starts again
 * from the first page.
 */
export function usePagedRows<K extends PagedMethod>(method: K, filter: PageFilter<K>) {
  const key = JSON.stringify(filter);
  const [wanted, setWanted] = useState<Wanted>({ key, pages: [0] });
  const pages = wanted.key === key ? wanted.pages : [0];
  const results = useQueries({
    queries: pages.map((page) =>
      methodQuery(method, {
        ...(JSON.parse(key) as PageFilter<K>),
        offset: page * PAGE,
        limit: PAGE,
      } as Input<K>),
    ),
  });

  const ensure = useCallback(
    (start: number, end: number) => setWanted((previous) => withPages(previous, key, start, end)),
    [key, setWanted],
  );

  const loaded = new Map<number, Row<K>[]>();
  pages.forEach((page, i) => {
    const rows = results[i]?.data?.rows as Row<K>[] | undefined;
    if (rows) loaded.set(page, rows);
  });
  // Any page's answer carries the count (and, for orders and payments, the totals) of the whole filter.
  const answer = results.find((r) => r.data)?.data as Output<K> | undefined;
  const total = answer?.total ?? null;
  const rowAt = (index: number): Row<K> | undefined => loaded.get(Math.floor(index / PAGE))?.[index % PAGE];
  const loadedIds = (): string[] =>
    [...loaded.entries()].sort(([a], [b]) => a - b).flatMap(([, rows]) => rows.map((r) => r.id));

  return { total, answer, rowAt, ensure, loadedIds };
}
