import type { ContactRecord, DealRecord, MetricRecord, OrderRecord, PaymentRecord } from '../records';
import {
  contactColumns,
  EXTRA_METRICS,
  leadColumns,
  metricColumns,
  orderColumns,
  paymentColumns,
} from '../../export/columns';
import { presetColumns } from '../../export/source';
import { definePreset } from './types';

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
