import type { Settings } from '@shared/api/settings';
import type { Formatter } from '@shared/domain/format';
import { salesSearch } from '../features/leads/salesSearch';

/** Record search for the palette; features add providers (the sales search over the core's index). */
export type SearchHit = { id: string; label: string; detail: string; run(): void };
/** Finds records for typed text, writing dates and periods the way the workspace does. */
export type SearchProvider = (
  text: string,
  workspace: { format: Formatter; settings: Settings },
) => Promise<SearchHit[]>;

export const searchProviders: SearchProvider[] = [salesSearch];
