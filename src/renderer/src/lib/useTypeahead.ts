import { useEffect, useEffectEvent, useState } from 'react';

/**
 * Records matching what the user types, fetched 80 ms after the last key so each key press does not become a
 * query; an answer that arrives after the text changed again is dropped. `find` gets the trimmed text.
 */
export function useTypeahead<T>(text: string, find: (search: string) => Promise<T[]>): T[] {
  const [found, setFound] = useState<T[]>([]);
  const run = useEffectEvent((search: string) => find(search));
  useEffect(() => {
    const search = text.trim();
    let current = true;
    const timer = window.setTimeout(() => {
      run(search)
        .then((rows) => current && setFound(rows))
        .catch(() => current && setFound([]));
    }, 80);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [text]);
  return found;
}
