import { useQuery } from '../../lib/useQuery';
import { EmptyState } from '../../ui/EmptyState';
import type { SalesKind } from './status';

/**
 * What fills the list when it is empty: which import brings orders or payments in, or, when a filter hides
 * everything, that it is the filter.
 */
export function SalesEmpty({
  kind,
  filtered,
  total,
}: {
  kind: SalesKind;
  filtered: boolean;
  total: number | null;
}) {
  return total === 0 ? <Empty kind={kind} filtered={filtered} /> : null;
}

/** Mounted only when the filter matched nothing: asks once whether there is anything at all. */
function Empty({ kind, filtered: filterOn }: { kind: SalesKind; filtered: boolean }) {
  const any = useQuery(kind === 'orders' ? 'orders.list' : 'payments.list', { limit: 1 });
  if (!any.data) return null;
  // The period hides everything only when something exists outside it.
  const filtered = filterOn && any.data.total > 0;
  const import_ = (
    <a className="button primary" href="#/imports">
      Go to Imports
    </a>
  );
  if (kind === 'orders')
    return (
      <EmptyState title={filtered ? 'No orders match' : 'No orders yet'} action={import_}>
        {filtered && <p>Nothing matches this filter; widen the period or clear the status and campaign.</p>}
        <p>
          Orders come from your shop: in Shopify, <strong>Orders → Export → CSV</strong> (or any orders CSV
          mapped on the Imports screen). Each order is matched to its contact by e-mail and to its campaign by
          its utm_campaign or discount code.
        </p>
      </EmptyState>
    );
  return (
    <EmptyState title={filtered ? 'No payments match' : 'No payments yet'} action={import_}>
      {filtered && <p>Nothing matches this filter; widen the period or clear the status and campaign.</p>}
      <p>
        Payments come from Stripe: <strong>Payments → Export</strong> (the unified payments CSV), imported on
        the Imports screen. Each payment is matched to its contact by the customer&apos;s e-mail.
      </p>
    </EmptyState>
  );
}
