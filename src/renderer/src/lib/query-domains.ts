/**
 * Which cached answers a `data.changed` event makes stale. The core names the domains a write touched (the
 * method's prefix: `leads.create` → `leads`; the import runner names every domain a job writes); a query is
 * refetched when the domains it reads meet the domains that changed. Everything else stays cached, so a
 * keystroke-sized edit refetches the few views that show it, not every mounted screen.
 *
 * When a query starts reading another domain, or a command starts writing one, add it here: a missing entry
 * shows stale data, an extra one only costs a refetch.
 */

/** Every domain a write can name: the method prefixes of commands, plus `results` (imported orders, metrics). */
export const DATA_DOMAINS = [
  'activities',
  'cadences',
  'campaigns',
  'companies',
  'contacts',
  'content',
  'imports',
  'leads',
  'meetingNotes',
  'plans',
  'reconciliation',
  'reportSchedule',
  'results',
  'settings',
  'spend',
  'system',
  'touches',
  'trash',
  'workspace',
] as const;

export type Domain = (typeof DATA_DOMAINS)[number];

/**
 * What a query reads beyond its own domain, by method (`campaigns.detail`) or by domain (`today.*`); the exact
 * method wins over its domain's entry.
 */
const READS: Record<string, readonly Domain[]> = {
  'activities.*': ['leads', 'contacts', 'companies', 'cadences'],
  'cadences.*': ['activities', 'leads', 'contacts', 'companies', 'campaigns'],
  'campaigns.*': ['plans', 'spend', 'content', 'leads', 'imports', 'results'],
  'campaigns.detail': ['plans', 'spend', 'content', 'leads', 'contacts', 'imports', 'results'],
  'campaigns.results': ['plans', 'spend', 'content', 'leads', 'contacts', 'imports', 'results'],
  'companies.*': ['contacts', 'leads', 'activities'],
  'contacts.*': ['companies', 'leads', 'activities', 'campaigns', 'cadences'],
  'content.*': ['campaigns'],
  'leads.*': ['contacts', 'companies', 'activities', 'campaigns', 'cadences'],
  // Imported sales with their contact, lead and campaign; linking one to a lead is a reconciliation write.
  // A job's summary lists its spend overlaps and the side each campaign keeps.
  'imports.get': ['spend', 'campaigns'],
  'orders.*': ['imports', 'results', 'contacts', 'leads', 'campaigns', 'reconciliation', 'settings'],
  'payments.*': ['imports', 'results', 'contacts', 'leads', 'campaigns', 'reconciliation', 'settings'],
  'plans.*': ['campaigns', 'spend', 'content', 'leads', 'imports', 'results'],
  // The report prints the Results numbers and more; its notes and schedule are their own domains.
  'reports.*': DATA_DOMAINS.filter((d) => d !== 'meetingNotes' && d !== 'reportSchedule'),
  // The search index covers every kind of record.
  'search.*': DATA_DOMAINS,
  // The next run's period depends on the week start.
  'reportSchedule.*': ['settings'],
  'settings.*': ['workspace'],
  'spend.*': ['campaigns', 'plans'],
  // Read again after any change, as the app always has: the clock is cheap and the day may have turned.
  'system.now': DATA_DOMAINS,
  // The Trash lists deleted records of every kind.
  'trash.*': DATA_DOMAINS,
  'today.*': ['activities', 'leads', 'contacts', 'content', 'campaigns', 'cadences'],
  // A contact's touch log is built from its leads, orders, payments and activities (e-mail clicks, events
  // attended) as well as manual touches.
  'touches.*': ['contacts', 'leads', 'activities', 'campaigns', 'content', 'imports', 'reconciliation'],
  'workspace.*': ['settings'],
  // Results combine spend, leads, orders, metrics and touches across every campaign.
  'results.*': DATA_DOMAINS,
};

/**
 * What a write in a domain changes beyond it: the command's own table is not the only one it writes.
 */
const WRITES: Partial<Record<string, readonly Domain[]>> = {
  // Enrolling schedules follow-ups; stopping cancels the open ones.
  cadences: ['activities'],
  // Deleting a campaign hides its content and spend; leads keep its name as their source.
  campaigns: ['content', 'spend', 'leads'],
  // Deleting a company unlinks its people.
  companies: ['contacts'],
  // Merging moves leads and activities to the kept contact; deleting hides them.
  contacts: ['leads', 'activities'],
  // A job (or its undo) writes contacts, companies, leads, orders, payments, metrics and spend.
  imports: DATA_DOMAINS,
  // Creating a lead can create its contact; closing one can schedule a follow-up or stop its cadence.
  leads: ['contacts', 'activities', 'cadences'],
  // Copying a plan to the next period copies its campaigns.
  plans: ['campaigns'],
  // Linking an order or payment to a lead or campaign moves its revenue and touches.
  reconciliation: ['results', 'leads', 'campaigns', 'contacts', 'touches'],
  // Restoring from the Trash brings back any kind of record with what its delete took.
  trash: DATA_DOMAINS,
  // A manual touch changes what attribution credits.
  touches: ['results', 'contacts'],
  // A restore replaces the whole database.
  system: DATA_DOMAINS,
  // Currency, locale and pipeline stages change how every answer reads.
  settings: DATA_DOMAINS,
  workspace: DATA_DOMAINS,
};

const domainOf = (method: string): string => method.split('.')[0] ?? method;

/** The domains a query's answer depends on. */
export function queryDomains(method: string): ReadonlySet<string> {
  const extra = READS[method] ?? READS[`${domainOf(method)}.*`] ?? [];
  return new Set([domainOf(method), ...extra]);
}

/** The domains an event's writes reach, its named domains included. */
export function changedDomains(named: readonly string[]): ReadonlySet<string> {
  return new Set(named.flatMap((domain) => [domain, ...(WRITES[domain] ?? [])]));
}

/** Whether a `data.changed` naming `named` makes the answer of `method` stale. */
export function isStale(method: string, named: readonly string[]): boolean {
  const changed = changedDomains(named);
  for (const domain of queryDomains(method)) if (changed.has(domain)) return true;
  return false;
}

/** Used by the test: every domain the tables mention, to check each against the contract. */
export const mentionedDomains = (): string[] => [
  ...new Set([
    ...Object.keys(READS).map(domainOf),
    ...Object.values(READS).flat(),
    ...Object.keys(WRITES),
    ...Object.values(WRITES).flatMap((d) => d ?? []),
  ]),
];
