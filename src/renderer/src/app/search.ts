import { salesSearch } from '../features/leads/salesSearch';

/** Record search for the palette; features add providers (the sales search over the core's index). */
export type SearchHit = { id: string; label: string; detail: string; run(): void };
export type SearchProvider = (text: string) => Promise<SearchHit[]>;

export const searchProviders: SearchProvider[] = [salesSearch];
