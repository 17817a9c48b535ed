import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, Output } from '@shared/api';
import { client } from './client';

const PAGE = 100;

/** The list methods the core pages for virtualized tables: `{ offset, limit }` in, `{ total, rows }` out. */
type PagedMethod = 'contacts.list' | 'leads.list';
type Row<K extends PagedMethod> = Output<K>['rows'][number];
export type PageFilter<K extends PagedMethod> = Omit<Input<K>, 'offset' | 'limit'>;

/**
 * Server-side paging for a virtualized table: pages of 100 are fetched as they scroll into view, so a
 * workspace of 100k rows costs no more than one of 100. On a data change the pages on screen are refetched in
 * place, so the rows never blink away; a new filter starts again from the first page.
 */
export function usePagedRows<K extends PagedMethod>(method: K, filter: PageFilter<K>) {
  const [total, setTotal] = useState<number | null>(null);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, Row<K>[]>());
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const key = JSON.stringify(filter);

  const fetchPage = useCallback(
    (page: number, mine: number) => {
      if (inFlight.current.has(page)) return;
      inFlight.current.add(page);
      const input = { ...(JSON.parse(key) as PageFilter<K>), offset: page * PAGE, limit: PAGE } as Input<K>;
      void client
        .call(method, input)
        .then((result) => {
          if (mine !== generation.current) return;
          pages.current.set(page, result.rows as Row<K>[]);
          setTotal(result.total);
          setVersion((v) => v + 1);
        })
        .finally(() => inFlight.current.delete(page));
    },
    [method, key],
  );

  const refresh = useCallback(() => {
    const loaded = [...pages.current.keys()];
    const mine = ++generation.current;
    inFlight.current = new Set();
    for (const page of loaded.length > 0 ? loaded : [0]) fetchPage(page, mine);
  }, [fetchPage]);

  useEffect(() => {
    pages.current = new Map();
    refresh();
    return client.on('data.changed', refresh);
  }, [refresh]);

  const ensure = useCallback(
    (start: number, end: number) => {
      for (let p = Math.floor(start / PAGE); p <= Math.floor(end / PAGE); p++) {
        if (!pages.current.has(p)) fetchPage(p, generation.current);
      }
    },
    [fetchPage],
  );

  const rowAt = (index: number): Row<K> | undefined =>
    pages.current.get(Math.floor(index / PAGE))?.[index % PAGE];
  const loadedIds = (): string[] =>
    [...pages.current.entries()].sort(([a], [b]) => a - b).flatMap(([, rows]) => rows.map((r) => r.id));

  return { total, rowAt, ensure, loadedIds };
}
