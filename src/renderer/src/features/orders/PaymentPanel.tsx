import type { PaymentDetail } from '@shared/api/orders';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { SidePanel } from '../../ui/SidePanel';
import { moneyIn } from './money';
import { SaleLinks } from './SaleLinks';
import { statusLabel } from './status';

/** One payment over the list: amount, refunds and fee, and the contact, lead and campaign it is linked to. */
export function PaymentPanel({ id, onClose }: { id: string; onClose(): void }) {
  const detail = useQuery('payments.get', { id });
  const data = detail.data?.payment.id === id ? detail.data : undefined;
  return (
    <SidePanel title={data ? `Payment ${data.payment.externalId}` : 'Payment'} open onClose={onClose}>
      {detail.error && !data && (
        <p role="alert" className="sale-error">
          {detail.error.message}
        </p>
      )}
      {data && <PaymentBody data={data} />}
    </SidePanel>
  );
}

function PaymentBody({ data }: { data: PaymentDetail }) {
  const { format, settings } = useWorkspace();
  const { payment } = data;
  const money = (minor: number) =>
    moneyIn(format, settings.locale, settings.currency)(minor, payment.currency);
  return (
    <div className="sale-detail">
      <p className="sale-head">
        <span>{format.dateTime(payment.paidAt)}</span>
        <span className="sale-status">{statusLabel(payment.status)}</span>
        <span className="sales-muted">{payment.customer ?? 'No customer'}</span>
      </p>
      {payment.description && <p>{payment.description}</p>}
      <dl className="sale-totals" aria-label="Payment totals">
        <dt>Amount</dt>
        <dd className="money">
          <strong>{money(payment.amountMinor)}</strong>
        </dd>
        {payment.refundedMinor !== 0 && (
          <>
            <dt>Refunded</dt>
            <dd className="money">−{money(payment.refundedMinor)}</dd>
          </>
        )}
        <dt>Fee</dt>
        <dd className="money">{money(payment.feeMinor)}</dd>
        <dt>Counts as revenue</dt>
        <dd className="money">
          {payment.countsAsRevenue
            ? money(payment.netMinor)
            : `Nothing (${statusLabel(payment.status).toLowerCase()})`}
        </dd>
      </dl>
      {payment.utmCampaign && (
        <p className="sales-muted">
          utm_campaign: <strong>{payment.utmCampaign}</strong>
        </p>
      )}
      <SaleLinks kind="payment" id={payment.id} links={data} />
      <p className="sales-muted sales-small-text">
        From {payment.source}
        {payment.importFileName ? ` · imported from ${payment.importFileName}` : ''}
      </p>
    </div>
  );
}
