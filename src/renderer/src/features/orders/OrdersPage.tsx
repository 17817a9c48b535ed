import { Tabs } from 'radix-ui';
import { useCallback, useMemo, useState } from 'react';
import type { Output } from '@shared/api';
import type { OrderFilter } from '@shared/api/orders';
import { usePeriod } from '../../lib/period';
import { navigate } from '../../lib/router';
import { useWorkspace } from '../../lib/settings';
import { useListEntry } from '../leads/useListEntry';
import '../leads/sales.css';
import './orders.css';
import { OrderPanel } from './OrderPanel';
import { PaymentPanel } from './PaymentPanel';
import { SalesEmpty } from './SalesEmpty';
import { SalesFilters, type FilterChoice } from './SalesFilters';
import { SalesTable, type Column } from './SalesTable';
import { moneyIn } from './money';
import { orderNumber, REVENUE_STATUSES, statusLabel, type SalesKind } from './status';
import { ExportCsvButton } from '../exports/ExportCsvButton';

type Totals = Omit<Output<'orders.list'>, 'rows'>;

/**
 * Orders and payments that imports brought in, with their count and revenue for the filter (the revenue rule
 * Results counts). Routes: `#/orders`, `#/orders/<id>` an order, `#/orders/payments`, `#/orders/payments/<id>`.
 */
export function OrdersPage({ params }: { params: string[] }) {
  const { format, settings } = useWorkspace();
  const { period } = usePeriod();
  const tab: SalesKind = params[0] === 'payments' ? 'payments' : 'orders';
  const openId = tab === 'payments' ? params[1] : params[0];
  const [choice, setChoice] = useState<FilterChoice>({
    inPeriod: true,
    status: '',
    campaignId: '',
    search: '',
  });
  const [totals, setTotals] = useState<Totals | null>(null);

  // The filter both lists take, and the one an export of the list would take.
  const filter = useMemo<OrderFilter>(() => {
    const f: OrderFilter = {};
    if (choice.inPeriod) {
      f.from = period.range.startDate;
      f.to = period.range.endDate;
    }
    if (choice.status === 'revenue') f.status = [...REVENUE_STATUSES[tab]];
    else if (choice.status) f.status = [choice.status];
    if (choice.campaignId) f.campaignId = choice.campaignId;
    if (choice.search.trim()) f.search = choice.search.trim();
    return f;
  }, [choice, period.range, tab]);

  const money = useMemo(
    () => moneyIn(format, settings.locale, settings.currency),
    [format, settings.locale, settings.currency],
  );
  const orderColumns = useMemo<Column<'orders.list'>[]>(
    () => [
      { label: 'Order', sort: 'number', cell: (r) => orderNumber(r.externalId) },
      { label: 'Date', sort: 'orderedAt', cell: (r) => format.date(r.orderedAt) },
      { label: 'Customer', sort: 'customer', cell: (r) => r.customer ?? '—' },
      { label: 'Status', sort: 'status', cell: (r) => statusLabel(r.status) },
      { label: 'Total', sort: 'total', numeric: true, cell: (r) => money(r.totalMinor, r.currency) },
      { label: 'Campaign', cell: (r) => r.campaignName ?? '—' },
    ],
    [format, money],
  );
  const paymentColumns = useMemo<Column<'payments.list'>[]>(
    () => [
      { label: 'Payment', sort: 'number', cell: (r) => r.description || r.externalId },
      { label: 'Date', sort: 'paidAt', cell: (r) => format.date(r.paidAt) },
      { label: 'Customer', sort: 'customer', cell: (r) => r.customer ?? '—' },
      { label: 'Status', sort: 'status', cell: (r) => statusLabel(r.status) },
      { label: 'Amount', sort: 'amount', numeric: true, cell: (r) => money(r.amountMinor, r.currency) },
      { label: 'Campaign', cell: (r) => r.campaignName ?? '—' },
    ],
    [format, money],
  );

  const onTotals = useCallback((next: Totals | null) => setTotals(next), []);
  const switchTab = (next: string) => {
    setTotals(null);
    setChoice((c) => ({ ...c, status: '' }));
    navigate(next === 'payments' ? 'orders/payments' : 'orders');
  };
  const base = tab === 'payments' ? 'orders/payments' : 'orders';
  const close = () => navigate(base);
  useListEntry(
    `[aria-label="${tab === 'payments' ? 'Payments' : 'Orders'}"] [role="row"][data-index]`,
    'Orders',
  );

  const noun = tab === 'payments' ? 'payment' : 'order';
  const filtered = Object.keys(filter).length > 0;
  return (
    <div className="page orders-page">
      <header className="page-header">
        <div>
          <h1>Orders</h1>
          <p className="sales-muted" aria-live="polite" data-testid="sales-summary">
            {totals &&
              `${format.number(totals.total)} ${totals.total === 1 ? noun : `${noun}s`}` +
                `${choice.inPeriod ? ` in ${period.label}` : ''} · revenue ${format.money(totals.revenueMinor)}` +
                (totals.otherCurrency > 0
                  ? ` · ${format.number(totals.otherCurrency)} in another currency left out`
                  : '')}
          </p>
        </div>
        <div className="toolbar">
          <ExportCsvButton selection={{ kind: tab, filter }} />
        </div>
      </header>
      <Tabs.Root value={tab} onValueChange={switchTab} className="contacts-tabs">
        <div className="orders-bar">
          <Tabs.List aria-label="Show" className="sales-tabs">
            <Tabs.Trigger value="orders">Orders</Tabs.Trigger>
            <Tabs.Trigger value="payments">Payments</Tabs.Trigger>
          </Tabs.List>
          <SalesFilters kind={tab} choice={choice} periodLabel={period.label} onChoice={setChoice} />
        </div>
        <SalesEmpty kind={tab} filtered={filtered} total={totals?.total ?? null} />
        <Tabs.Content value="orders" className="contacts-content">
          {tab === 'orders' && (
            <SalesTable
              method="orders.list"
              label="Orders"
              filter={filter}
              columns={orderColumns}
              defaultSort="orderedAt"
              onOpen={(row) => navigate(`orders/${row.id}`)}
              onTotals={onTotals}
            />
          )}
        </Tabs.Content>
        <Tabs.Content value="payments" className="contacts-content">
          {tab === 'payments' && (
            <SalesTable
              method="payments.list"
              label="Payments"
              filter={filter}
              columns={paymentColumns}
              defaultSort="paidAt"
              onOpen={(row) => navigate(`orders/payments/${row.id}`)}
              onTotals={onTotals}
            />
          )}
        </Tabs.Content>
      </Tabs.Root>
      {openId && tab === 'orders' && <OrderPanel id={openId} onClose={close} />}
      {openId && tab === 'payments' && <PaymentPanel id={openId} onClose={close} />}
    </div>
  );
}
