import type { OrderDetail } from '@shared/api/orders';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { SidePanel } from '../../ui/SidePanel';
import { moneyIn } from './money';
import { SaleLinks } from './SaleLinks';
import { orderNumber, statusLabel } from './status';

/** One order over the list: its lines and totals, tags, and the contact, lead and campaign it is linked to. */
export function OrderPanel({ id, onClose }: { id: string; onClose(): void }) {
  const detail = useQuery('orders.get', { id });
  const data = detail.data?.order.id === id ? detail.data : undefined;
  const title = data ? `Order ${orderNumber(data.order.externalId)}` : 'Order';
  return (
    <SidePanel title={title} open onClose={onClose}>
      {detail.error && !data && (
        <p role="alert" className="sale-error">
          {detail.error.message}
        </p>
      )}
      {data && <OrderBody data={data} />}
    </SidePanel>
  );
}

function OrderBody({ data }: { data: OrderDetail }) {
  const { format, settings } = useWorkspace();
  const { order, lines } = data;
  const money = (minor: number) => moneyIn(format, settings.locale, settings.currency)(minor, order.currency);
  const tags = [
    ['Discount code', order.discountCode],
    ['utm_source', order.utmSource],
    ['utm_medium', order.utmMedium],
    ['utm_campaign', order.utmCampaign],
    ['utm_content', order.utmContent],
  ].filter((t): t is [string, string] => Boolean(t[1]));
  return (
    <div className="sale-detail">
      <p className="sale-head">
        <span>{format.dateTime(order.orderedAt)}</span>
        <span className="sale-status">{statusLabel(order.status)}</span>
        <span className="sales-muted">
          {order.customer ?? 'No customer'}
          {order.customerEmail && order.customerEmail !== order.customer ? ` · ${order.customerEmail}` : ''}
        </span>
      </p>
      <section aria-labelledby="order-lines" className="sale-section">
        <h3 id="order-lines" className="sales-h3">
          Lines
        </h3>
        {lines.length === 0 ? (
          <p className="sales-muted">The import carried no line items for this order.</p>
        ) : (
          <table className="sale-lines" aria-label="Order lines">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" className="num">
                  Qty
                </th>
                <th scope="col" className="num">
                  Price
                </th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id}>
                  <td>
                    {line.name}
                    {line.sku && <span className="sales-muted"> · {line.sku}</span>}
                  </td>
                  <td className="num">{format.number(line.quantity)}</td>
                  <td className="num money">{money(line.unitPriceMinor)}</td>
                  <td className="num money">{money(line.lineTotalMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <dl className="sale-totals" aria-label="Order totals">
          <dt>Subtotal</dt>
          <dd className="money">{money(order.subtotalMinor)}</dd>
          {order.discountMinor !== 0 && (
            <>
              <dt>Discount{order.discountCode ? ` (${order.discountCode})` : ''}</dt>
              <dd className="money">−{money(order.discountMinor)}</dd>
            </>
          )}
          <dt>Shipping</dt>
          <dd className="money">{money(order.shippingMinor)}</dd>
          <dt>Tax</dt>
          <dd className="money">{money(order.taxMinor)}</dd>
          <dt>Total</dt>
          <dd className="money">
            <strong>{money(order.totalMinor)}</strong>
          </dd>
          {order.refundedMinor !== 0 && (
            <>
              <dt>Refunded</dt>
              <dd className="money">−{money(order.refundedMinor)}</dd>
            </>
          )}
          <dt>Counts as revenue</dt>
          <dd className="money" data-testid="order-net">
            {order.countsAsRevenue
              ? money(order.netMinor)
              : `Nothing (${statusLabel(order.status).toLowerCase()})`}
          </dd>
        </dl>
      </section>
      {tags.length > 0 && (
        <section aria-labelledby="order-tags" className="sale-section">
          <h3 id="order-tags" className="sales-h3">
            Discount and tracking
          </h3>
          <dl className="sale-facts">
            {tags.map(([label, value]) => (
              <div key={label} className="sale-fact">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <SaleLinks kind="order" id={order.id} links={data} />
      <p className="sales-muted sales-small-text">
        From {order.source}
        {order.importFileName ? ` · imported from ${order.importFileName}` : ''}
      </p>
    </div>
  );
}
