import type { CampaignDetail } from '@shared/api/campaigns';
import { toMajor } from '@shared/domain/currency';
import { useWorkspace } from '../../lib/settings';

type Lead = CampaignDetail['leads'][number];
type Order = CampaignDetail['orders'][number];

/** Sales' 1–5 rating as stars plus the number, so it reads without colour or the glyphs. */
export function Rating({ rating, note }: { rating: number | null; note?: string }) {
  if (rating === null) return <span className="muted">Not rated</span>;
  return (
    <span className="rating" title={note || undefined}>
      <span aria-hidden="true">{'★'.repeat(rating) + '☆'.repeat(5 - rating)}</span> <span>{rating}/5</span>
    </span>
  );
}

function outcomeText(lead: Lead): string {
  if (lead.stageOutcome === 'open') return lead.stageName;
  const word = lead.stageOutcome === 'won' ? '✓ Won' : '✕ Lost';
  return lead.stageName.toLowerCase() === lead.stageOutcome ? word : `${word} · ${lead.stageName}`;
}

export function CampaignLeads({ leads }: { leads: Lead[] }) {
  const { format } = useWorkspace();
  return (
    <section className="card" aria-labelledby="leads-heading">
      <h2 id="leads-heading">Leads</h2>
      {leads.length === 0 ? (
        <p className="muted">
          No leads from this campaign yet. Leads get here when you pick this campaign as their source, or when
          an imported order or form carries its tracking code.
        </p>
      ) : (
        <table className="data-table" aria-label="Leads from this campaign">
          <thead>
            <tr>
              <th scope="col">Lead</th>
              <th scope="col">Stage</th>
              <th scope="col">Quality</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {leads.map((lead) => (
              <tr key={lead.id}>
                <td>
                  {lead.title}
                  {lead.contactName && <span className="muted"> · {lead.contactName}</span>}
                </td>
                <td className={`outcome-${lead.stageOutcome}`}>{outcomeText(lead)}</td>
                <td>
                  <Rating rating={lead.rating} note={lead.ratingNote} />
                  {lead.qualified && <span className="badge">Qualified</span>}
                </td>
                <td className="money">{format.money(lead.valueMinor)}</td>
                <td>{format.date(lead.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function CampaignOrders({ orders }: { orders: Order[] }) {
  const { format, settings } = useWorkspace();
  const amount = (order: Order) =>
    order.currency === settings.currency
      ? format.money(order.revenueMinor)
      : `${new Intl.NumberFormat(settings.locale, { style: 'currency', currency: order.currency }).format(
          toMajor(order.totalMinor, order.currency),
        )} (other currency, not counted)`;
  return (
    <section className="card" aria-labelledby="orders-heading">
      <h2 id="orders-heading">Orders</h2>
      {orders.length === 0 ? (
        <p className="muted">
          No orders attributed yet. Orders count here when your shop export carries this campaign’s tracking
          code, or when the customer’s lead came from it.
        </p>
      ) : (
        <table className="data-table" aria-label="Orders from this campaign">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Date</th>
              <th scope="col">Customer</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Counts as revenue
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id}>
                <td>{order.externalId}</td>
                <td>{format.date(order.orderedAt)}</td>
                <td>{order.customerName ?? '—'}</td>
                <td>{order.status.replace(/_/g, ' ')}</td>
                <td className="money">{amount(order)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
