import { useCallback, useEffect, useRef, useState } from 'react';
import type { Contact, ContactListInput } from '@shared/api/contacts';
import { client } from '../../lib/client';

const PAGE = 100;

type Filter = Omit<ContactListInput, 'offset' | 'limit'>;

/**
 * Server-side paging for a virtualized list: pages of 100 are fetched as they scroll into view, so a
 * workspace of 100k contacts costs no more than one of 100.
 */
export function usePagedContacts(filter: Filter) {
  const [total, setTotal] = useState<number | null>(null);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, Contact[]>());
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const key = JSON.stringify(filter);

  const fetchPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || inFlight.current.has(page)) return;
      const mine = generation.current;
      inFlight.current.add(page);
      void client
        .call('contacts.list', { ...(JSON.parse(key) as Filter), offset: page * PAGE, limit: PAGE })
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

  const reset = useCallback(() => {
    generation.current++;
    pages.current = new Map();
    inFlight.current = new Set();
    fetchPage(0);
  }, [fetchPage]);

  useEffect(() => {
    reset();
    return client.on('data.changed', reset);
  }, [reset]);

  const ensure = useCallback(
    (start: number, end: number) => {
      for (let p = Math.floor(start / PAGE); p <= Math.floor(end / PAGE); p++) fetchPage(p);
    },
    [fetchPage],
  );

  const rowAt = (index: number): Contact | undefined => pages.current.get(Math.floor(index / PAGE))?.[index % PAGE];

  const loadedIds = (): string[] =>
    [...pages.current.entries()].sort(([a], [b]) => a - b).flatMap(([, rows]) => rows.map((r) => r.id));

  return { total, rowAt, ensure, loadedIds };
}
