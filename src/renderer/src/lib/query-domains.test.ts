import { describe, expect, it } from 'vitest';
import { api } from '@shared/api';
import { DATA_DOMAINS, changedDomains, isStale, mentionedDomains, queryDomains } from './query-domains';

const methods = Object.keys(api);
const prefixes = new Set(methods.map((m) => m.split('.')[0]));
const commandDomains = new Set(
  Object.entries(api)
    .filter(([, spec]) => spec.mutates)
    .map(([m]) => m.split('.')[0]),
);

describe('query domains', () => {
  it('a query reads its own domain', () => {
    expect(queryDomains('contacts.list').has('contacts')).toBe(true);
    expect(isStale('cadences.list', ['cadences'])).toBe(true);
  });

  it('an unrelated write leaves a query cached', () => {
    expect(isStale('contacts.list', ['spend'])).toBe(false);
    expect(isStale('spend.list', ['contacts'])).toBe(false);
    expect(isStale('content.range', ['leads'])).toBe(false);
    expect(isStale('imports.list', ['leads'])).toBe(false);
  });

  it('Today follows activities, leads, content, campaigns and cadences', () => {
    for (const domain of ['activities', 'leads', 'content', 'campaigns', 'cadences'])
      expect(isStale('today.queue', [domain]), domain).toBe(true);
    expect(isStale('today.queue', ['spend'])).toBe(false);
  });

  it('a campaign detail follows its spend, content, leads and imports', () => {
    for (const domain of ['spend', 'content', 'leads', 'imports'])
      expect(isStale('campaigns.detail', [domain]), domain).toBe(true);
  });

  it('search and results follow every domain', () => {
    for (const domain of DATA_DOMAINS) {
      expect(isStale('search.query', [domain]), domain).toBe(true);
      expect(isStale('results.summary', [domain]), domain).toBe(true);
    }
  });

  it('an import touches every data domain, so lists of what it wrote refresh', () => {
    for (const method of ['contacts.list', 'leads.board', 'spend.list', 'campaigns.results', 'plans.actual'])
      expect(isStale(method, ['imports']), method).toBe(true);
  });

  it('a write reaching another domain refreshes that domain’s views', () => {
    expect(changedDomains(['cadences']).has('activities')).toBe(true);
    expect(isStale('activities.list', ['cadences'])).toBe(true);
    // Merging contacts moves their leads.
    expect(isStale('leads.board', ['contacts'])).toBe(true);
  });

  it('the Orders screen follows imports and a link made in reconciliation', () => {
    for (const method of ['orders.list', 'orders.get', 'payments.list', 'payments.get'])
      for (const domain of ['imports', 'reconciliation', 'contacts', 'leads'])
        expect(isStale(method, [domain]), `${method} ${domain}`).toBe(true);
    expect(isStale('orders.list', ['activities'])).toBe(false);
  });

  it('every domain the tables name exists in the contract (or is the coming results domain)', () => {
    for (const domain of mentionedDomains())
      expect(prefixes.has(domain) || domain === 'results', domain).toBe(true);
  });

  it('every domain with commands is a data domain', () => {
    for (const domain of commandDomains) expect(DATA_DOMAINS as readonly string[]).toContain(domain);
  });
});
