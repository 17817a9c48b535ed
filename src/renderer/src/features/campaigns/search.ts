import { searchProviders, type SearchHit, type SearchProvider } from '../../app/search';
import { client } from '../../lib/client';
import { navigate } from '../../lib/router';
import { planPeriod } from '../plans/planPeriod';
import { channelLabel } from './channels';

const CONTENT_STATUS = { idea: 'Idea', draft: 'Draft', scheduled: 'Scheduled', published: 'Published' };

/** Palette record search for plans, campaigns (by name or tracking code) and content items. */
const marketingSearch: SearchProvider = async (text, { format, settings }): Promise<SearchHit[]> => {
  const needle = text.toLowerCase();
  const [campaigns, plans, content] = await Promise.all([
    client.call('campaigns.list', { search: text }).catch(() => []),
    client.call('plans.list', {}).catch(() => []),
    client.call('content.search', { text, limit: 8 }).catch(() => []),
  ]);
  return [
    ...plans
      .filter((p) => p.name.toLowerCase().includes(needle))
      .slice(0, 5)
      .map((p) => ({
        id: `plan-${p.id}`,
        label: p.name,
        detail: `Plan · ${planPeriod(p, settings)}`,
        run: () => navigate(`plans/${p.id}`),
      })),
    ...campaigns.slice(0, 8).map((c) => ({
      id: `campaign-${c.id}`,
      label: c.name,
      detail: `Campaign · ${channelLabel(c.channel)}${c.trackingCode ? ` · ${c.trackingCode}` : ''}`,
      run: () => navigate(`campaigns/${c.id}`),
    })),
    ...content.map((item) => ({
      id: `content-${item.id}`,
      label: item.title,
      detail: [
        'Content',
        item.campaignName ?? channelLabel(item.channel),
        CONTENT_STATUS[item.status],
        item.scheduledDate ? format.date(item.scheduledDate) : 'no date',
        item.utmContent,
      ]
        .filter(Boolean)
        .join(' · '),
      // The calendar opens the item in its panel, on its month.
      run: () => navigate(`calendar/${item.id}`),
    })),
  ];
};

if (!searchProviders.includes(marketingSearch)) searchProviders.push(marketingSearch);
