import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { OrderCancelledV1, OrderConfirmedV1, type EventMetadata } from '@rapport/contracts';
import { badInput, normaliseAmount, notFound, parseMoneyInput, requireCurrency, requireUuid, type Money } from '@rapport/errors';
import { assertCustomerVisible, keysetPage, restrictToVisibleCustomers, transition, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { cancel, lineTotal, orderNumber, orderTotal, parseQuantity, SalesOrder, SalesOrderLine, type ISalesOrder } from './order.entity.js';
import type { SalesOrderStatus } from '../../generated/types.js';

export interface SalesOrderLineInput {
  productId: string;
  quantity: string;
  unitPrice: Money;
}

export interface PlaceOrderInput {
  customerId: string;
  currency: string;
  lines: SalesOrderLineInput[];
}

const MAX_LINES = 500;

interface ValidLine {
  productId: string;
  quantity: string;
  unitPrice: Money;
  lineTotal: string;
}

function validateLines(lines: readonly SalesOrderLineInput[], currency: string): ValidLine[] {
  if (lines.length === 0) throw badInput('input.lines', 'input.lines: an order needs at least one line', 'NO_LINES');
  if (lines.length > MAX_LINES) throw badInput('input.lines', `input.lines: an order has at most ${MAX_LINES} lines`, 'TOO_MANY_LINES');
  return lines.map((line, i) => {
    const field = `input.lines.${i}`;
    const productId = requireUuid(`${field}.productId`, line.productId);
    const quantity = parseQuantity(`${field}.quantity`, line.quantity);
    const unitPrice = parseMoneyInput(`${field}.unitPrice`, line.unitPrice);
    if (unitPrice.currency !== currency) {
      throw badInput(`${field}.unitPrice.currency`, `${field}.unitPrice.currency must be the order's currency ${currency}`, 'CURRENCY_MISMATCH');
    }
    return { productId, quantity, unitPrice, lineTotal: lineTotal(`${field}.quantity`, quantity, unitPrice.amount) };
  });
}

/**
 * Sales orders `viewer` may see, as a query to narrow further (alias `so`): with scoped access,
 * only those of the customers they may see.
 */
export function visibleOrders(em: SqlEntityManager, viewer: Viewer) {
  const qb = em.createQueryBuilder(SalesOrder, 'so').select('*');
  restrictToVisibleCustomers(qb, 'so', viewer);
  return qb;
}

/**
 * Validates, numbers and saves a confirmed order with its lines and exact totals, and writes
 * `sales.order.confirmed.v1` in the same flush. Nothing is written when any input is wrong or
 * the customer is not visible to `viewer` (NOT_FOUND).
 */
export async function placeOrder(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: PlaceOrderInput, meta: EventMetadata): Promise<ISalesOrder> {
  const customerId = requireUuid('input.customerId', input.customerId);
  await assertCustomerVisible(em, viewer, customerId, 'input.customerId');
  const currency = requireCurrency('input.currency', input.currency);
  const lines = validateLines(input.lines, currency);
  const total = orderTotal(
    'input.lines',
    lines.map((l) => l.lineTotal),
  );
  const [next] = await em.execute<{ n: string }[]>(`select nextval('sales_order_number_seq') as n`);
  if (!next) throw new Error('sales_order_number_seq returned no value');
  const order = em.create(SalesOrder, {
    id: randomUUID(),
    number: orderNumber(next.n),
    customerId,
    status: 'CONFIRMED',
    currency,
    total,
    confirmedAt: new Date(),
    cancelledAt: null,
  });
  lines.forEach((line, position) =>
    em.create(SalesOrderLine, {
      id: randomUUID(),
      orderId: order.id,
      position,
      productId: line.productId,
      quantity: line.quantity,
      unitPrice: line.unitPrice.amount,
      currency,
      lineTotal: line.lineTotal,
    }),
  );
  publish(
    em,
    OrderConfirmedV1,
    order.id,
    {
      orderId: order.id,
      customerId,
      number: order.number,
      total: { amount: total, currency },
      lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice })),
      confirmedAt: order.confirmedAt.toISOString(),
    },
    meta,
  );
  await em.flush();
  return order;
}

/**
 * Cancels a confirmed order under its row lock (concurrent cancels and a delivery completing it: one
 * wins, the others CONFLICT) and writes `sales.order.cancelled.v1` (with its lines, so inventory
 * releases what it reserved) in the same flush; NOT_FOUND when `viewer` may not see it.
 */
export async function cancelOrder(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<ISalesOrder> {
  return transition(
    em,
    (tx) => getOrder(tx, viewer, id),
    async (order, tx) => {
      const cancelledAt = new Date();
      cancel(order, cancelledAt);
      const lines = await tx.find(SalesOrderLine, { orderId: order.id }, { orderBy: { position: 'asc' } });
      publish(
        tx,
        OrderCancelledV1,
        order.id,
        {
          orderId: order.id,
          customerId: order.customerId,
          number: order.number,
          total: { amount: normaliseAmount(order.total), currency: order.currency },
          lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
          cancelledAt: cancelledAt.toISOString(),
        },
        meta,
      );
      return order;
    },
  );
}

/** The order `id`; NOT_FOUND naming `field` when it does not exist or `viewer` may not see it (the two are indistinguishable). */
export async function getOrder(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<ISalesOrder> {
  const order = await visibleOrders(em, viewer)
    .andWhere({ id: requireUuid(field, id) })
    .getSingleResult();
  if (!order) throw notFound('SalesOrder', id, field);
  return order;
}

export interface SalesOrderFilter {
  customerId?: string | null;
  status?: SalesOrderStatus | null;
}

/** Sales orders newest first: by confirmation, then id. */
const SALES_ORDER_ORDER: Keyset<ISalesOrder> = { sort: 'so.confirmed_at', kind: 'timestamp', direction: 'desc', id: 'so.id', sortValue: (o) => o.confirmedAt.toISOString() };

/** The sales orders `viewer` may see, newest first, by keyset on (confirmedAt, id). */
export async function listOrders(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: SalesOrderFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ISalesOrder>> {
  const qb = visibleOrders(em, viewer);
  if (filter?.customerId) qb.andWhere({ customerId: requireUuid('filter.customerId', filter.customerId) });
  if (filter?.status) qb.andWhere({ status: filter.status });
  return keysetPage(qb, SALES_ORDER_ORDER, { field: 'salesOrders', first, after });
}
