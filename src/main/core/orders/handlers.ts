import type { Handlers } from '../handlers';
import { getOrder, listOrders } from './orders';
import { getPayment, listPayments } from './payments';

export const ordersHandlers = {
  'orders.list': (input, ctx) => listOrders(ctx, input),
  'orders.get': (input, ctx) => getOrder(ctx, input.id),
  'payments.list': (input, ctx) => listPayments(ctx, input),
  'payments.get': (input, ctx) => getPayment(ctx, input.id),
} satisfies Partial<Handlers>;
