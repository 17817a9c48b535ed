import { uuidv7 } from '../../db/ids';
import { all, prepared } from '../../db/prepared';
import type { PaymentRecord } from '../records';
import { changedColumns, updateRow, type WriteContext } from './context';
import { contactsByEmail } from './orders';
import type { payments } from '../../db/schema';
import type { SqlRow } from '../../db/typed';

type PaymentRow = Record<string, unknown> & SqlRow<typeof payments>;

/**
 * Payments keyed by source + payment id. Status is kept as the processor reports it (failed payments stay as
 * records); revenue counts only succeeded and partially refunded ones, net of refunds.
 */
export function writePayments(records: readonly PaymentRecord[], w: WriteContext): void {
  const contacts = contactsByEmail(
    w,
    records.map((r) => r.emailKey),
  );
  const existing = new Map(
    all<PaymentRow>(
      w.sqlite,
      `SELECT * FROM payments WHERE source = ? AND external_id IN (SELECT value FROM json_each(?))`,
      w.source,
      JSON.stringify(records.map((r) => r.externalId)),
    ).map((row) => [row.external_id, row]),
  );
  for (const payment of records) {
    const at = w.now();
    const campaign = payment.campaignCode
      ? w.campaigns.byCode(payment.campaignCode, { medium: payment.utmMedium, source: payment.utmSource })
      : null;
    const first = w.written.get(payment.externalId);
    if (first !== undefined) {
      w.notes.push({
        line: payment.line,
        field: 'externalId',
        message: `payment ${payment.externalId} is already on row ${first} of this file, and a second row with its ID would replace it: this row was not imported (a refund of it belongs in its refunded amount or status)`,
        error: true,
      });
      continue;
    }
    w.written.set(payment.externalId, payment.line);
    const current = existing.get(payment.externalId);
    const next: Record<string, unknown> = {
      paid_at: payment.paidAt,
      currency: payment.currency,
      amount_minor: payment.amountMinor,
      refunded_minor: payment.refundedMinor,
      fee_minor: payment.feeMinor,
      status: payment.status,
      description: payment.description,
      customer_email: payment.email,
      email_key: payment.emailKey,
      contact_id: (payment.emailKey && contacts.get(payment.emailKey)) || (current?.contact_id ?? null),
      campaign_id: campaign?.id ?? current?.campaign_id ?? null,
      utm_campaign: payment.campaignCode,
    };
    if (!current) {
      const id = uuidv7();
      const columns = Object.keys(next);
      prepared(
        w.sqlite,
        `INSERT INTO payments (id, source, external_id, ${columns.join(', ')}, import_job_id, created_at, updated_at)
         VALUES (?, ?, ?, ${columns.map(() => '?').join(', ')}, ?, ?, ?)`,
      ).run(id, w.source, payment.externalId, ...Object.values(next), w.jobId, at, at);
      existing.set(payment.externalId, {
        ...next,
        id,
        external_id: payment.externalId,
        import_job_id: w.jobId,
      } as PaymentRow);
      w.counts.inserted++;
      continue;
    }
    const before = changedColumns(current, next);
    if (!before) {
      w.counts.unchanged++;
      continue;
    }
    if (current.import_job_id !== w.jobId) w.changes.updated('payments', current.id, before);
    updateRow(w.sqlite, 'payments', current.id, next, at);
    Object.assign(current, next);
    w.counts.updated++;
  }
}
