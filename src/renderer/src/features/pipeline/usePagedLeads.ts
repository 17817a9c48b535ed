import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lead, LeadListInput } from '@shared/api/leads';
import { client } from '../../lib/client';

const PAGE = 100;
type Filter = Omit<LeadListInput, 'offset' | 'limit'>;

/** Server-side paging for the virtualized leads table: pages of 100 load as they scroll into view. */
export function usePagedLeads(filter: Filter) {
  const [total, setTotal] = useState<number | null>(null);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, Lead[]>());
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const key = JSON.stringify(filter);

  const fetchPage = useCallback(
    (page: number, mine: number) => {
      if (inFlight.current.has(page)) return;
      inFlight.current.add(page);
      void client
        .call('leads.list', { ...(JSON.parse(key) as Filter), offset: page * PAGE, limit: PAGE })
        .then((result) => {
          if (mine !== generation.current) return;
          pages.current.set(page, result.rows);
          setTotal(result.total);
          setVersion((v) => v + 1);
        })
        .finally(() => inFlight.current.delete(page));
    },
    [key],
  );

  // On a data change the pages on screen are refetched in place, so the rows never blink away.
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

  const rowAt = (index: number): Lead | undefined => pages.current.get(Math.floor(index / PAGE))?.[index % PAGE];
  const loadedIds = (): string[] =>
    [...pages.current.entries()].sort(([a], [b]) => a - b).flatMap(([, rows]) => rows.map((r) => r.id));

  return { total, rowAt, ensure, loadedIds };
}
