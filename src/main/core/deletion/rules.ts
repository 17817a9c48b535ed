import type { DeletableKind, DependentFate } from '@shared/api/deletion';

/**
 * What deleting a record does to each kind of record that points at it, in one table: every soft delete of
 * the core goes through `settleDependents` (dependents.ts), so nothing live is ever left pointing at a record
 * in the Trash (`deletion.test.ts` checks every foreign key of the schema against every delete).
 *
 * - `cascade`: owned records go to the Trash with it, stamped alike, and come back with it;
 * - `unlink`: records that must stay (sales facts, people) lose the reference, which restore puts back;
 * - `choice`: the user says which of the two (`dependents: 'delete' | 'keep'`), and is asked when unsaid;
 * - `block`: the delete is refused while these exist, with what to do instead;
 * - `stop`: a cadence's running enrolments stop (their open steps are cancelled) and stay stopped.
 */
export interface DependentRule {
  table: string;
  column: string;
  /** Extra condition on the dependent rows (SQL over the dependent table, no parameters). */
  where?: string;
  fate: DependentFate;
  /** Singular and plural noun for the sentence that says what happens. */
  noun: [string, string];
  /** The dependents are themselves deletable records whose own dependents follow them. */
  kind?: DeletableKind;
}

export const TABLE_OF: Record<DeletableKind, string> = {
  contact: 'contacts',
  company: 'companies',
  lead: 'leads',
  campaign: 'campaigns',
  plan: 'plans',
  content: 'content_items',
  cadence: 'cadences',
};

export const RULES: Record<DeletableKind, DependentRule[]> = {
  contact: [
    { table: 'leads', column: 'contact_id', fate: 'choice', noun: ['lead', 'leads'], kind: 'lead' },
    {
      table: 'activities',
      column: 'contact_id',
      where: 'lead_id IS NULL',
      fate: 'cascade',
      noun: ['activity', 'activities'],
    },
    {
      table: 'activities',
      column: 'contact_id',
      where: 'lead_id IS NOT NULL',
      fate: 'unlink',
      noun: ['activity of its leads', 'activities of its leads'],
    },
    { table: 'manual_touches', column: 'contact_id', fate: 'cascade', noun: ['touch', 'touches'] },
    { table: 'orders', column: 'contact_id', fate: 'unlink', noun: ['order', 'orders'] },
    { table: 'payments', column: 'contact_id', fate: 'unlink', noun: ['payment', 'payments'] },
  ],
  lead: [
    { table: 'activities', column: 'lead_id', fate: 'cascade', noun: ['activity', 'activities'] },
    { table: 'orders', column: 'lead_id', fate: 'unlink', noun: ['order', 'orders'] },
    { table: 'payments', column: 'lead_id', fate: 'unlink', noun: ['payment', 'payments'] },
  ],
  company: [
    { table: 'contacts', column: 'company_id', fate: 'unlink', noun: ['contact', 'contacts'] },
    { table: 'leads', column: 'company_id', fate: 'unlink', noun: ['lead', 'leads'] },
  ],
  campaign: [
    {
      table: 'metric_observations',
      column: 'campaign_id',
      fate: 'block',
      noun: ['imported metric row', 'imported metric rows'],
    },
    {
      table: 'spend_entries',
      column: 'campaign_id',
      fate: 'cascade',
      noun: ['spend entry', 'spend entries'],
    },
    {
      table: 'content_items',
      column: 'campaign_id',
      fate: 'cascade',
      noun: ['content item', 'content items'],
      kind: 'content',
    },
    { table: 'leads', column: 'campaign_id', fate: 'unlink', noun: ['lead', 'leads'] },
    {
      table: 'contacts',
      column: 'source_campaign_id',
      fate: 'unlink',
      noun: ['contact it brought in', 'contacts it brought in'],
    },
    { table: 'orders', column: 'campaign_id', fate: 'unlink', noun: ['order', 'orders'] },
    { table: 'payments', column: 'campaign_id', fate: 'unlink', noun: ['payment', 'payments'] },
    { table: 'manual_touches', column: 'campaign_id', fate: 'unlink', noun: ['touch', 'touches'] },
  ],
  plan: [{ table: 'campaigns', column: 'plan_id', fate: 'unlink', noun: ['campaign', 'campaigns'] }],
  content: [
    { table: 'manual_touches', column: 'content_item_id', fate: 'unlink', noun: ['touch', 'touches'] },
  ],
  cadence: [
    {
      table: 'cadence_enrollments',
      column: 'cadence_id',
      where: "status = 'active'",
      fate: 'stop',
      noun: ['lead in it', 'leads in it'],
    },
  ],
};

/** What the sentence says happens to `count` dependents, e.g. "3 orders stay, without this contact". */
export function fateSentence(kind: DeletableKind, rule: DependentRule, count: number): string {
  const one = count === 1;
  const noun = `${count} ${one ? rule.noun[0] : rule.noun[1]}`;
  const it = NAME_OF[kind];
  switch (rule.fate) {
    case 'cascade':
      return `${noun} ${one ? 'is' : 'are'} deleted with it`;
    case 'unlink':
      return `${noun} ${one ? 'stays' : 'stay'}, without this ${it}`;
    case 'choice':
      return `${noun}: delete ${one ? 'it' : 'them'} too, or keep ${one ? 'it' : 'them'} without this ${it}`;
    case 'stop':
      return `${noun} ${one ? 'leaves' : 'leave'} it; open steps are cancelled`;
    case 'block':
      return `${noun} ${one ? 'belongs' : 'belong'} to it: undo the import that brought ${one ? 'it' : 'them'} first`;
  }
}

const NAME_OF: Record<DeletableKind, string> = {
  contact: 'contact',
  company: 'company',
  lead: 'lead',
  campaign: 'campaign',
  plan: 'plan',
  content: 'content item',
  cadence: 'cadence',
};
