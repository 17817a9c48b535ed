import { searchProviders, type SearchHit } from '../../app/search';
import { client } from '../../lib/client';
import { navigate } from '../../lib/router';
import { channelLabel } from './channels';

/** Palette record search for plans and campaigns (by name or tracking code). */
async function marketingSearch(text: string): Promise<SearchHit[]> {
  const needle = text.toLowerCase();
  const [campaigns, plans] = await Promise.all([
    client.call('campaigns.list', { search: text }).catch(() => []),
    client.call('plans.list', {}).catch(() => []),
  ]);
  return [
    ...plans
      .filter((p) => p.name.toLowerCase().includes(needle))
      .slice(0, 5)
      .map((p) => ({
        id: `plan-${p.id}`,
        label: p.name,
        detail: `Plan · ${p.periodLabel}`,
        run: () => navigate(`plans/${p.id}`),
      })),
    ...campaigns.slice(0, 8).map((c) => ({
      id: `campaign-${c.id}`,
      label: c.name,
      detail: `Campaign · ${channelLabel(c.channel)}${c.trackingCode ? ` · ${c.trackingCode}` : ''}`,
      run: () => navigate(`campaigns/${c.id}`),
    })),
  ];
}

if (!searchProviders.includes(marketingSearch)) searchProviders.push(marketingSearch);
