import type { ImportKind } from '@shared/api/imports';
import { buildContact } from './build/contacts';
import { buildDeal } from './build/deals';
import { buildActivity, buildCampaign, buildCompany, buildContent, buildSpend } from './build/lists';
import { buildMetrics } from './build/metrics';
import { buildOrder, buildPayment } from './build/orders';
import { fieldIndex, FieldRow } from './build/row';
import type { Preset } from './presets';
import type { AnyRecord, RowError, SourceRow, ValueOptions } from './records';
import type { WriteContext } from './write/context';
import { writeContacts } from './write/contacts';
import { writeDeals } from './write/deals';
import { writeActivities, writeCampaigns, writeCompanies, writeContent, writeSpend } from './write/lists';
import { writeMetrics } from './write/metrics';
import { writeOrders } from './write/orders';
import { writePayments } from './write/payments';

type Builder = (row: FieldRow, options: ValueOptions) => AnyRecord | null;

const BUILDERS: Record<Exclude<ImportKind, 'orders'>, Builder> = {
  contacts: buildContact,
  deals: buildDeal,
  payments: buildPayment,
  metrics: buildMetrics,
  companies: buildCompany,
  activities: buildActivity,
  campaigns: buildCampaign,
  spend: buildSpend,
  content: buildContent,
};

const WRITERS: Record<ImportKind, (records: never[], w: WriteContext) => unknown> = {
  contacts: writeContacts,
  deals: writeDeals,
  orders: writeOrders,
  payments: writePayments,
  metrics: writeMetrics,
  companies: writeCompanies,
  activities: writeActivities,
  campaigns: writeCampaigns,
  spend: writeSpend,
  content: writeContent,
};

/** How one job turns file rows into records and records into rows of ours; fixed when the job starts. */
export interface Plan {
  kind: ImportKind;
  preset: Preset | null;
  /** Column header → field (the preset's, or the user's). */
  mapping: Record<string, string>;
  options: ValueOptions;
  /** Column whose equal values in consecutive rows make one record (order line items), or -1. */
  groupColumn: number;
  /**
   * The record of a row (an order's rows); null when it has errors or is skipped. `notes` takes the notes of
   * skipped rows, `remarks` those of rows that were kept.
   */
  transform(
    group: readonly SourceRow[],
    errors: RowError[],
    notes: RowError[],
    remarks: RowError[],
  ): AnyRecord | null;
  write(records: AnyRecord[], w: WriteContext): void;
}

export function createPlan(
  kind: ImportKind,
  preset: Preset | null,
  mapping: Record<string, string>,
  columns: readonly string[],
  options: ValueOptions,
): Plan {
  const index = fieldIndex(columns, mapping);
  const row = new FieldRow(index, columns, preset?.unquoteFormulas === true, preset?.further);
  const groupField = preset?.groupBy ?? (kind === 'orders' ? 'externalId' : null);
  const groupColumn = groupField ? (index.get(groupField) ?? -1) : -1;

  function transform(
    group: readonly SourceRow[],
    errors: RowError[],
    notes: RowError[],
    remarks: RowError[],
  ): AnyRecord | null {
    const first = group[0];
    if (!first) return null;
    row.reset(first.cells, first.line);
    const skip = preset?.skip?.(row);
    if (skip) {
      notes.push(row.note(skip));
      return null;
    }
    let record: AnyRecord | null;
    if (kind === 'orders') {
      const before = errors.length;
      record = buildOrder(group, row, options, errors);
      if (record && preset?.adjust) {
        preset.adjust(record, row, { group, options });
        if (row.problems.length > 0) errors.push(...row.problems);
      }
      return errors.length > before ? null : record;
    }
    record = (BUILDERS[kind] as Builder)(row, options);
    if (record && preset?.adjust) preset.adjust(record, row, { group, options });
    if (row.problems.length > 0) {
      errors.push(...row.problems);
      return null;
    }
    if (record) remarks.push(...row.notes);
    return record;
  }

  return {
    kind,
    preset,
    mapping,
    options,
    groupColumn,
    transform,
    write: (records, w) => WRITERS[kind](records as never[], w),
  };
}
