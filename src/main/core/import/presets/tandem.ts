import type { ContactRecord, DealRecord, MetricRecord, OrderRecord, PaymentRecord } from '../records';
import {
  activityColumns,
  campaignColumns,
  companyColumns,
  contactColumns,
  contentColumns,
  EXTRA_METRICS,
  leadColumns,
  metricColumns,
  orderColumns,
  paymentColumns,
  spendColumns,
} from '../../export/columns';
import { presetColumns } from '../../export/source';
import { definePreset, type Preset } from './types';

/**
 * Tandem's own CSV exports (src/main/core/export): recognised by their `Tandem … ID` or `Source` columns and
 * mapped with no questions, so an export re-imports as it was. The exporter writes machine values (ISO
 * instants with their offset, decimal amounts with a currency column) and puts a `'` before formula-like
 * text, which these presets drop again.
 */

export const tandemContacts = definePreset<ContactRecord>({
  name: 'tandem-contacts',
  label: 'Tandem contacts export',
  kind: 'contacts',
  source: 'tandem',
  identify: ['Tandem contact ID', 'First name', 'Last name', 'Email', 'Lifecycle', 'Created at'],
  columns: presetColumns(contactColumns),
  unquoteFormulas: true,
});

export const tandemDeals = definePreset<DealRecord>({
  name: 'tandem-leads',
  label: 'Tandem leads export',
  kind: 'deals',
  source: 'tandem',
  identify: ['Tandem lead ID', 'Deal ID', 'Title', 'Stage', 'Status', 'Value'],
  columns: presetColumns(leadColumns),
  unquoteFormulas: true,
});

export const tandemOrders = definePreset<OrderRecord>({
  name: 'tandem-orders',
  label: 'Tandem orders export',
  kind: 'orders',
  source: 'tandem',
  identify: ['Order ID', 'Ordered at', 'Total', 'Line name', 'Line price', 'Source'],
  columns: presetColumns(orderColumns),
  groupBy: 'externalId',
  unquoteFormulas: true,
});

export const tandemPayments = definePreset<PaymentRecord>({
  name: 'tandem-payments',
  label: 'Tandem payments export',
  kind: 'payments',
  source: 'tandem',
  identify: ['Payment ID', 'Paid at', 'Amount', 'Refunded', 'Fee', 'Source'],
  columns: presetColumns(paymentColumns),
  unquoteFormulas: true,
});

export const tandemMetrics = definePreset<MetricRecord>({
  name: 'tandem-metrics',
  label: 'Tandem metrics export',
  kind: 'metrics',
  source: 'tandem',
  identify: ['Date', 'Campaign', 'Channel', 'Scope', 'visits', 'Source'],
  columns: presetColumns(metricColumns),
  unquoteFormulas: true,
  adjust(metrics, row, { options }) {
    // The exported scope (site, channel:…, page:…) is kept as it was; campaign rows get their campaign's.
    const scope = row.text('x.scope');
    if (scope && !metrics.campaignCode) metrics.scope = scope;
    metrics.channel = row.text('x.channel') || null;
    for (const metric of EXTRA_METRICS) {
      const value = row.number(`x.${metric}`, options);
      if (value !== null) metrics.values.push([metric, value]);
    }
  },
});

/*
 * Companies, activities, campaigns, spend and content: the `Tandem … ID` column names the kind, and the
 * column map is the export's own (presetColumns), so the two cannot drift apart.
 */
const listPreset = (
  kind: 'companies' | 'activities' | 'campaigns' | 'spend' | 'content',
  label: string,
  columns: readonly { header: string; field?: string }[],
): Preset => {
  const map = presetColumns(columns);
  return definePreset({
    name: `tandem-${kind}`,
    label: `Tandem ${label} export`,
    kind,
    source: 'tandem',
    // The id column and every imported column: a file missing one of them is not this export.
    identify: Object.values(map),
    columns: map,
    unquoteFormulas: true,
  });
};

export const tandemCompanies = listPreset('companies', 'companies', companyColumns);
export const tandemActivities = listPreset('activities', 'activities', activityColumns);
export const tandemCampaigns = listPreset('campaigns', 'campaigns', campaignColumns);
export const tandemSpend = listPreset('spend', 'spend', spendColumns);
export const tandemContent = listPreset('content', 'content', contentColumns);
