import { toMajor } from '@shared/domain/currency';
import { useWorkspace } from '../../lib/settings';

/** Orders of a lead or contact, newest first, with their amounts. */
export function Orders({
  orders,
}: {
  orders: {
    id: string;
    externalId: string;
    orderedAt: string;
    currency: string;
    totalMinor: number;
    status: string;
  }[];
}) {
  const { format, settings } = useWorkspace();
  // An order in another currency than the workspace's keeps its own.
  const amount = (minor: number, currency: string) =>
    currency === settings.currency
      ? format.money(minor)
      : new Intl.NumberFormat(settings.locale, { style: 'currency', currency }).format(
          toMajor(minor, currency),
        );
  if (orders.length === 0) return null;
  return (
    <section aria-labelledby="record-orders">
      <h3 id="record-orders" className="sales-h3">
        Orders
      </h3>
      <ul className="sales-list sales-orders" aria-label="Orders">
        {orders.map((o) => (
          <li key={o.id}>
            <span>{o.externalId.startsWith('#') ? o.externalId : `#${o.externalId}`}</span>
            <span className="sales-muted">{format.date(o.orderedAt)}</span>
            <span className="money">{amount(o.totalMinor, o.currency)}</span>
            <span className="sales-muted">{o.status}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
