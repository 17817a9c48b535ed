import { uuidv7 } from '../../db/ids';
import { all, prepared } from '../../db/prepared';
import type { OrderLineRecord, OrderRecord } from '../records';
import { changedColumns, updateRow, type WriteContext } from './context';
import type { contacts, orderLines, orders } from '../../db/schema';
import type { Row, SqlRow } from '../../db/typed';

/** Live contacts by e-mail key for a batch: orders and payments are matched to people, never create them. */
export function contactsByEmail(w: WriteContext, keys: Iterable<string | null>): Map<string, string> {
  const unique = [...new Set([...keys].filter((k): k is string => !!k))];
  const map = new Map<string, string>();
  if (unique.length === 0) return map;
  const rows = all<Row<typeof contacts, 'id'> & { key: string }>(
    w.sqlite,
    `SELECT id, email_key AS key FROM contacts WHERE email_key IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY rowid`,
    JSON.stringify(unique),
  );
  for (const row of rows) if (!map.has(row.key)) map.set(row.key, row.id);
  return map;
}

type OrderRow = Record<string, unknown> & SqlRow<typeof orders>;

type LineRow = SqlRow<typeof orderLines>;

/** The columns an import sets on an order, in the order of its insert's values. */
const ORDER_COLUMNS = [
  'ordered_at',
  'currency',
  'subtotal_minor',
  'discount_minor',
  'shipping_minor',
  'tax_minor',
  'total_minor',
  'refunded_minor',
  'status',
  'customer_email',
  'email_key',
  'customer_name',
  'contact_id',
  'campaign_id',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_content',
  'discount_code',
] as const satisfies readonly (keyof SqlRow<typeof orders>)[];

const sameLines = (rows: readonly LineRow[], lines: readonly OrderLineRecord[]) =>
  rows.length === lines.length &&
  rows.every((r, i) => {
    const l = lines[i];
    return (
      !!l &&
      r.name === l.name &&
      r.sku === l.sku &&
      r.quantity === l.quantity &&
      r.unit_price_minor === l.unitPriceMinor
    );
  });

function insertLines(
  w: WriteContext,
  orderId: string,
  lines: readonly OrderLineRecord[],
  from: number,
  at: string,
): void {
  const insert = prepared(
    w.sqlite,
    `INSERT INTO order_lines (id, order_id, position, name, sku, quantity, unit_price_minor, import_job_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((l, i) =>
    insert.run(uuidv7(), orderId, from + i, l.name, l.sku, l.quantity, l.unitPriceMinor, w.jobId, at, at),
  );
}

/**
 * Orders keyed by source + order id. A re-import updates the order (the shop owns it) and replaces its line
 * items only when they differ, keeping the replaced lines for undo. Orders are matched to contacts by
 * e-mail and to campaigns by utm_campaign (creating draft campaigns for unknown codes).
 */
export function writeOrders(records: readonly OrderRecord[], w: WriteContext): void {
  const contacts = contactsByEmail(
    w,
    records.map((r) => r.emailKey),
  );
  const existing = new Map(
    all<OrderRow>(
      w.sqlite,
      `SELECT * FROM orders WHERE source = ? AND external_id IN (SELECT value FROM json_each(?))`,
      w.source,
      JSON.stringify(records.map((r) => r.externalId)),
    ).map((row) => [row.external_id, row]),
  );
  const insert = prepared(
    w.sqlite,
    `INSERT INTO orders (id, source, external_id, ${ORDER_COLUMNS.join(', ')}, import_job_id, created_at, updated_at)
     VALUES (?, ?, ?, ${ORDER_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?)`,
  );
  for (const order of records) {
    const at = w.now();
    const campaign = order.campaignCode
      ? w.campaigns.byCode(order.campaignCode, { medium: order.utmMedium, source: order.utmSource })
      : null;
    const current = existing.get(order.externalId);
    const next: Record<(typeof ORDER_COLUMNS)[number], unknown> = {
      ordered_at: order.orderedAt,
      currency: order.currency,
      subtotal_minor: order.subtotalMinor,
      discount_minor: order.discountMinor,
      shipping_minor: order.shippingMinor,
      tax_minor: order.taxMinor,
      total_minor: order.totalMinor,
      refunded_minor: order.refundedMinor,
      status: order.status,
      customer_email: order.email,
      email_key: order.emailKey,
      customer_name: order.customerName,
      contact_id: (order.emailKey && contacts.get(order.emailKey)) || (current?.contact_id ?? null),
      campaign_id: campaign?.id ?? current?.campaign_id ?? null,
      utm_source: order.utmSource,
      utm_medium: order.utmMedium,
      utm_campaign: order.campaignCode,
      utm_content: order.utmContent,
      discount_code: order.discountCode,
    };
    if (!current) {
      const id = uuidv7();
      insert.run(id, w.source, order.externalId, ...ORDER_COLUMNS.map((c) => next[c]), w.jobId, at, at);
      insertLines(w, id, order.lines, 0, at);
      existing.set(order.externalId, {
        ...next,
        id,
        external_id: order.externalId,
        import_job_id: w.jobId,
      } as OrderRow);
      w.written.set(order.externalId, order.line);
      w.counts.inserted++;
      continue;
    }
    // Written by this job already: inserted by it (maybe before a resume), or met earlier in this file.
    const fromJob = current.import_job_id === w.jobId || w.written.has(order.externalId);
    w.written.set(order.externalId, order.line);
    const lines = all<LineRow>(
      w.sqlite,
      'SELECT * FROM order_lines WHERE order_id = ? ORDER BY position',
      current.id,
    );
    // The same order again within this file (rows not next to each other): its lines are added, not replaced.
    const appendLines = fromJob && !sameLines(lines, order.lines);
    const replaceLines = !fromJob && !sameLines(lines, order.lines);
    const before = changedColumns(current, next);
    if (!before && !appendLines && !replaceLines) {
      if (!fromJob) w.counts.unchanged++;
      continue;
    }
    if (before) {
      if (!fromJob) w.changes.updated('orders', current.id, before);
      updateRow(w.sqlite, 'orders', current.id, next, at);
      Object.assign(current, next);
    }
    if (appendLines) insertLines(w, current.id, order.lines, lines.length, at);
    if (replaceLines) {
      for (const line of lines) {
        if (line.import_job_id !== w.jobId) w.changes.deleted('order_lines', line.id, { ...line });
        prepared(w.sqlite, 'DELETE FROM order_lines WHERE id = ?').run(line.id);
      }
      insertLines(w, current.id, order.lines, 0, at);
    }
    // An order met again in this file was counted when it was first written.
    if (!fromJob) w.counts.updated++;
  }
}
