import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { on } from '@rapport/bus';
import { ShipmentDeliveredV1, StockReleasedV1, StockReservedV1, StockShortageReportedV1 } from '@rapport/contracts';
import { transition } from '@rapport/subgraph-kit';
import { complete, fromUnits, SalesOrder, SalesOrderLine, toUnits, type ISalesOrderLine } from './order.entity.js';

/**
 * Applies inventory's report about some lines of an order under the order's row lock (a request
 * cancelling it waits, and vice versa). Runs inside the inbox transaction, so a redelivered event
 * changes nothing; an order or line sales does not know is ignored. Flushes itself so the audit
 * trail records the change under the event's actor.
 */
async function onOrderLines(em: SqlEntityManager, orderId: string, change: (linesById: Map<string, ISalesOrderLine>) => void): Promise<void> {
  if (!(await em.count(SalesOrder, { id: orderId }))) return;
  await transition(
    em,
    (tx) => tx.findOneOrFail(SalesOrder, { id: orderId }),
    async (_order, tx) => {
      const lines = await tx.find(SalesOrderLine, { orderId });
      change(new Map(lines.map((l) => [l.id, l])));
    },
    { lockTimeoutMs: null },
  );
}

const add = (a: string, b: string): string => fromUnits(toUnits(a) + toUnits(b));
const subtract = (a: string, b: string): string => fromUnits(toUnits(a) - toUnits(b));

/**
 * Inventory ships each order in one shipment; when it reports the shipment delivered the order is
 * completed (and leaves the customer's open orders). A redelivered event, an unknown order or a
 * cancelled one changes nothing.
 *
 * Reservations: `reserved` and `released` add and subtract (commutative, so their order does not
 * matter); a shortage report states what a line lacks in total then, and only a report newer than
 * the one held counts (the line shows it less what was reserved since).
 */
export const orderHandlers = [
  on(ShipmentDeliveredV1, async (data, _event, em) => {
    if (!(await em.count(SalesOrder, { id: data.orderId }))) return;
    // Under the order's row lock, like cancelOrder: a cancel racing the delivery either wins (the order stays cancelled) or sees it completed.
    await transition(
      em,
      (tx) => tx.findOneOrFail(SalesOrder, { id: data.orderId }),
      (order) => complete(order, new Date(data.deliveredAt)),
      { lockTimeoutMs: null },
    );
  }),
  on(StockReservedV1, async (data, _event, em) =>
    onOrderLines(em, data.orderId, (lines) => {
      for (const reported of data.lines) {
        const line = lines.get(reported.orderLineId);
        if (line) line.reservedQuantity = add(line.reservedQuantity, reported.quantity);
      }
    }),
  ),
  on(StockReleasedV1, async (data, _event, em) =>
    onOrderLines(em, data.orderId, (lines) => {
      for (const reported of data.lines) {
        const line = lines.get(reported.orderLineId);
        if (line) line.reservedQuantity = subtract(line.reservedQuantity, reported.quantity);
      }
    }),
  ),
  on(StockShortageReportedV1, async (data, _event, em) =>
    onOrderLines(em, data.orderId, (lines) => {
      const reportedAt = new Date(data.reportedAt);
      for (const reported of data.lines) {
        const line = lines.get(reported.orderLineId);
        if (!line || (line.shortReportedAt && line.shortReportedAt.getTime() >= reportedAt.getTime())) continue;
        line.shortQuantity = reported.quantity;
        line.shortReportedAt = reportedAt;
      }
    }),
  ),
];
