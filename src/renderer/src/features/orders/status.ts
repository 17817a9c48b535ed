import { ORDER_STATUSES, PAYMENT_STATUSES } from '@shared/api/orders';
import { REVENUE_ORDER_STATUSES, REVENUE_PAYMENT_STATUSES } from '@shared/domain/kpi';

export type SalesKind = 'orders' | 'payments';

/** "partially_refunded" → "Partially refunded"; a status Tandem does not know reads the same way. */
export function statusLabel(status: string): string {
  const words = status.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const STATUSES: Record<SalesKind, readonly string[]> = {
  orders: ORDER_STATUSES,
  payments: PAYMENT_STATUSES,
};

/** The statuses whose money is revenue (shared/domain/kpi): one choice of the status filter. */
export const REVENUE_STATUSES: Record<SalesKind, readonly string[]> = {
  orders: REVENUE_ORDER_STATUSES,
  payments: REVENUE_PAYMENT_STATUSES,
};

/** Order numbers read as the shop shows them: "#1334". */
export const orderNumber = (externalId: string) =>
  externalId.startsWith('#') ? externalId : `#${externalId}`;
