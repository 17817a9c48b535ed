import type { SearchKind } from '@shared/api/search';

/**
 * Rowid ranges of the kinds in `search_index` (see migration 0002_search): kind code × 2^40 + sequence.
 * Walking matches newest rowid first therefore visits companies, contacts, leads, then activities.
 */
const KIND_CODE: Record<SearchKind, number> = { activity: 1, lead: 2, contact: 3, company: 4 };
const SPAN = 2 ** 40;

export function kindRange(kind: SearchKind): { lo: number; hi: number } {
  const code = KIND_CODE[kind];
  return { lo: code * SPAN, hi: (code + 1) * SPAN };
}

/**
 * Turns typed text into an FTS5 query: every word must match; the last one, still being typed, as a prefix
 * when it has two or more characters ("aria dub" finds Aria Dubois, "tast" finds "tasting"). Words before it
 * are complete, and matching them exactly lets FTS5 walk their lists lazily instead of merging every term
 * that shares the prefix. Operators and quotes typed by the user are treated as text. Null when nothing
 * searchable remains.
 */
export function ftsQuery(text: string, options: { prefixLast?: boolean } = {}): string | null {
  const prefixLast = options.prefixLast ?? true;
  const words = (text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  const terms = words.map((w, i) =>
    prefixLast && i === words.length - 1 && w.length >= 2 ? `"${w}"*` : `"${w}"`,
  );
  return terms.length > 0 ? terms.join(' ') : null;
}

/** SQL selecting the ids of one kind whose index entry matches the bound FTS query (one `?`). */
export function matchingIds(kind: SearchKind): string {
  const { lo, hi } = kindRange(kind);
  return `SELECT ref_id FROM search_refs WHERE id IN (SELECT rowid FROM search_index WHERE search_index MATCH ? AND rowid >= ${lo} AND rowid < ${hi})`;
}
