import type { SearchHit as Hit } from '@shared/api/search';
import type { Formatter } from '@shared/domain/format';
import type { SearchHit } from '../../app/search';
import { client } from '../../lib/client';
import { navigate } from '../../lib/router';

const KIND: Record<Hit['kind'], string> = {
  lead: 'Lead',
  contact: 'Contact',
  company: 'Company',
  activity: 'Activity',
};

/** Where a hit opens: a lead's panel on the pipeline, a contact's or company's panel over the contacts list. */
function pathOf(hit: Hit): string {
  if (hit.kind === 'lead') return `pipeline/${hit.id}`;
  if (hit.kind === 'contact') return `contacts/${hit.id}`;
  if (hit.kind === 'company') return `contacts/company/${hit.id}`;
  if (hit.leadId) return `pipeline/${hit.leadId}`;
  return hit.contactId ? `contacts/${hit.contactId}` : 'today';
}

/** Palette record search over the core's index: leads, contacts, companies and activity notes. */
export async function salesSearch(text: string, { format }: { format: Formatter }): Promise<SearchHit[]> {
  const hits = await client.call('search.query', { text, limit: 12 }).catch(() => []);
  return hits.map((hit) => ({
    id: `sales-${hit.kind}-${hit.id}`,
    label: hit.title,
    detail: [KIND[hit.kind], hit.subtitle, hit.date && format.date(hit.date)].filter(Boolean).join(' · '),
    run: () => navigate(pathOf(hit)),
  }));
}
