import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { causedBy, on } from '@rapport/bus';
import {
  CreditNoteIssuedV1,
  InvoiceIssuedV2,
  InvoicePaidV1,
  LoanConvertedV2,
  ReturnReceivedV1,
  ShipmentDeliveredV1,
  ShipmentShippedV2,
  StockReleasedV1,
  StockReservedV1,
  StockShortageReportedV1,
} from '@rapport/contracts';
import { transition } from '@rapport/subgraph-kit';
import { orderKeptLoan } from './order.service.js';
import { applyState, fromUnits, SalesOrder, SalesOrderInvoice, SalesOrderLine, toUnits, type ISalesOrder, type ISalesOrderInvoice, type ISalesOrderLine } from './order.entity.js';

interface OrderParts {
  order: ISalesOrder;
  lines: Map<string, ISalesOrderLine>;
  invoices: ISalesOrderInvoice[];
  em: SqlEntityManager;
}

/**
 * Applies another service's report about an order under the order's row lock (a request cancelling
 * it waits, and vice versa), then derives the order's state again from its quantities and invoices
 * (`at`: when the reported thing happened). Runs inside the inbox transaction, so a redelivered
 * event changes nothing; an order or line sales does not know is ignored. Flushes itself so the
 * audit trail records the change under the event's actor.
 */
async function onOrder(em: SqlEntityManager, orderId: string, at: Date, change: (parts: OrderParts) => void): Promise<void> {
  if (!(await em.count(SalesOrder, { id: orderId }))) return;
  await transition(
    em,
    (tx) => tx.findOneOrFail(SalesOrder, { id: orderId }),
    async (order, tx) => {
      const lines = await tx.find(SalesOrderLine, { orderId }, { orderBy: { position: 'asc' } });
      const invoices = await tx.find(SalesOrderInvoice, { orderId });
      change({ order, lines: new Map(lines.map((l) => [l.id, l])), invoices, em: tx });
      applyState(order, lines, invoices, at);
    },
    { lockTimeoutMs: null },
  );
}

const add = (a: string, b: string): string => fromUnits(toUnits(a) + toUnits(b));
const subtract = (a: string, b: string): string => fromUnits(toUnits(a) - toUnits(b));

/** The orders the reported order lines belong to (plus `orderId` when the document names one), each with its lines' quantities summed. */
async function byOrder(
  em: SqlEntityManager,
  reported: readonly { orderLineId: string | null; quantity: string }[],
  orderId: string | null,
): Promise<Map<string, Map<string, bigint>>> {
  const lineIds = [...new Set(reported.flatMap((r) => (r.orderLineId ? [r.orderLineId] : [])))];
  const known = lineIds.length ? await em.find(SalesOrderLine, { id: { $in: lineIds } }, { fields: ['id', 'orderId'] }) : [];
  const orderOf = new Map(known.map((l) => [l.id, l.orderId]));
  const orders = new Map<string, Map<string, bigint>>();
  if (orderId) orders.set(orderId, new Map());
  for (const r of reported) {
    const owner = r.orderLineId ? orderOf.get(r.orderLineId) : undefined;
    if (!owner || !r.orderLineId) continue;
    const quantities = orders.get(owner) ?? new Map<string, bigint>();
    quantities.set(r.orderLineId, (quantities.get(r.orderLineId) ?? 0n) + toUnits(r.quantity));
    orders.set(owner, quantities);
  }
  return orders;
}

/**
 * What inventory and finance report about an order's lines, and the state the order derives from it:
 * - made: inventory's `loan.converted.v2` (goods a customer kept from a loan) becomes an order of the
 *   kept quantity (`orderKeptLoan`), which inventory then reports shipped: delivered and invoiceable;
 * - delivered: inventory's `shipment.shipped.v2` quantities per order line are added (a shipment that
 *   left the warehouse counts as delivered, as Odoo counts a done picking); `shipment.delivered.v2`
 *   (arrival) changes no quantity. The old whole-order `shipment.delivered.v1` marks every line
 *   delivered up to what was not cancelled (never twice: it raises to that quantity, it does not add);
 * - invoiced: finance's `invoice.issued.v2` line quantities are added and `credit-note.issued.v1` ones
 *   subtracted (both additive, so invoices and credit notes may arrive in any order); the invoice is
 *   kept per order, and `invoice.paid.v1` marks it paid;
 * - returned: inventory's `return.received.v1` line quantities are added (additive, so returns and
 *   shipments may arrive in any order); a returned unit stays delivered, so the state does not move;
 * - reservations: `reserved` and `released` add and subtract (commutative); a shortage report states
 *   what a line lacks in total then, and only a report newer than the one held counts.
 */
export const orderHandlers = [
  // A loan the customer kept becomes an order (the id inventory chose), made as the loan's owner rep.
  on(LoanConvertedV2, async (data, event, em) => {
    const meta = causedBy(event);
    await orderKeptLoan(em, data, { ...meta, actor: data.ownerId ?? meta.actor ?? null });
  }),
  on(ShipmentDeliveredV1, async (data, _event, em) =>
    onOrder(em, data.orderId, new Date(data.deliveredAt), ({ lines }) => {
      for (const line of lines.values()) {
        const whole = toUnits(line.quantity) - toUnits(line.cancelledQuantity);
        if (whole > toUnits(line.deliveredQuantity)) line.deliveredQuantity = fromUnits(whole);
      }
    }),
  ),
  on(ShipmentShippedV2, async (data, _event, em) => {
    for (const [orderId, quantities] of await byOrder(em, data.lines, null)) {
      await onOrder(em, orderId, new Date(data.shippedAt), ({ lines }) => {
        for (const [lineId, units] of quantities) {
          const line = lines.get(lineId);
          if (line) line.deliveredQuantity = fromUnits(toUnits(line.deliveredQuantity) + units);
        }
      });
    }
  }),
  on(ReturnReceivedV1, async (data, _event, em) => {
    for (const [orderId, quantities] of await byOrder(em, data.lines, null)) {
      await onOrder(em, orderId, new Date(data.receivedAt), ({ lines }) => {
        for (const [lineId, units] of quantities) {
          const line = lines.get(lineId);
          if (line) line.returnedQuantity = fromUnits(toUnits(line.returnedQuantity) + units);
        }
      });
    }
  }),
  on(InvoiceIssuedV2, async (data, _event, em) => {
    for (const [orderId, quantities] of await byOrder(em, data.lines, data.orderId)) {
      await onOrder(em, orderId, new Date(data.issuedAt), ({ lines, invoices, em: tx }) => {
        for (const [lineId, units] of quantities) {
          const line = lines.get(lineId);
          if (line) line.invoicedQuantity = fromUnits(toUnits(line.invoicedQuantity) + units);
        }
        const held = invoices.find((i) => i.invoiceId === data.invoiceId);
        if (held) held.issuedAt = new Date(data.issuedAt);
        else
          invoices.push(
            tx.create(SalesOrderInvoice, { id: randomUUID(), invoiceId: data.invoiceId, orderId, number: data.number, issuedAt: new Date(data.issuedAt), paidAt: null }),
          );
      });
    }
  }),
  on(CreditNoteIssuedV1, async (data, _event, em) => {
    for (const [orderId, quantities] of await byOrder(em, data.lines, null)) {
      await onOrder(em, orderId, new Date(data.issuedAt), ({ lines }) => {
        for (const [lineId, units] of quantities) {
          const line = lines.get(lineId);
          if (line) line.invoicedQuantity = fromUnits(toUnits(line.invoicedQuantity) - units);
        }
      });
    }
  }),
  on(InvoicePaidV1, async (data, _event, em) => {
    // Keyed by the invoice like `invoice.issued.v2`, so the invoice is known by now; an invoice billing no order of ours is ignored.
    const held = await em.find(SalesOrderInvoice, { invoiceId: data.invoiceId }, { fields: ['orderId'] });
    for (const orderId of new Set(held.map((h) => h.orderId))) {
      await onOrder(em, orderId, new Date(data.paidAt), ({ invoices }) => {
        for (const invoice of invoices) if (invoice.invoiceId === data.invoiceId && !invoice.paidAt) invoice.paidAt = new Date(data.paidAt);
      });
    }
  }),
  on(StockReservedV1, async (data, _event, em) =>
    onOrder(em, data.orderId, new Date(data.reservedAt), ({ lines }) => {
      for (const reported of data.lines) {
        const line = lines.get(reported.orderLineId);
        if (line) line.reservedQuantity = add(line.reservedQuantity, reported.quantity);
      }
    }),
  ),
  on(StockReleasedV1, async (data, _event, em) =>
    onOrder(em, data.orderId, new Date(data.releasedAt), ({ lines }) => {
      for (const reported of data.lines) {
        const line = lines.get(reported.orderLineId);
        if (line) line.reservedQuantity = subtract(line.reservedQuantity, reported.quantity);
      }
    }),
  ),
  on(StockShortageReportedV1, async (data, _event, em) =>
    onOrder(em, data.orderId, new Date(data.reportedAt), ({ lines }) => {
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
