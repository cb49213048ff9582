import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { formatQuantity, quantityUnits } from '@rapport/errors';
import { OrderLine, type IOrderLine } from './order-copy.entity.js';

/** An order line with the quantities finance derives for it (units of 3 places). */
export interface LineQuantities {
  line: IOrderLine;
  ordered: bigint;
  cancelled: bigint;
  delivered: bigint;
  /** What customers sent back of it (returns against its shipments); still counted in `delivered`. */
  returned: bigint;
  /** Invoiced less what credit notes took back (returns, cancellations). */
  invoiced: bigint;
  /** Delivered less returned and not yet invoiced (never below zero): what a DELIVERED-basis invoice may bill. */
  invoiceable: bigint;
  /** Ordered less cancelled, less returned and not yet invoiced (never below zero): what an ORDERED-basis (prepayment) invoice may bill. */
  invoiceableOrdered: bigint;
  /** What the line will be billed for in the end: ordered less cancelled, or what was delivered if more (a delivered quantity is never cancelled). */
  billable: bigint;
  /** Invoiced beyond what the customer will keep (billable less returned): what a cancellation or a return must credit (never below zero). */
  overInvoiced: bigint;
  /**
   * Invoiced on the DELIVERED basis (less what credit notes took back of those lines) beyond what the
   * customer kept (delivered less returned): returned after it was invoiced as delivered, credited at
   * once (Odoo) even when more is still to ship. Never below zero; part of `overInvoiced` when larger.
   */
  overInvoicedDelivered: bigint;
}

/**
 * The lines of a confirmed order with their delivered, invoiced and invoiceable quantities, by
 * position. Delivered sums every shipment's quantity for the line (shipments recorded before the
 * confirmation included); returned sums the customers' returns of it; invoiced nets credit notes
 * that took quantities back. Invoiceable = delivered − returned − invoiced: a returned unit not yet
 * invoiced is never billed, and one already billed is credited (`creditReturned`). Invoiceable on
 * the ordered basis (prepayment) = max(ordered − cancelled, delivered) − returned − invoiced, so
 * what was prepaid is never billed again once delivered, nor a returned unit re-billed.
 */
export async function orderLineQuantities(em: SqlEntityManager, orderId: string): Promise<LineQuantities[]> {
  const lines = await em.find(OrderLine, { orderId }, { orderBy: { position: 'asc' } });
  if (lines.length === 0) return [];
  const rows = await em.execute<
    { order_line_id: string; delivered: string; returned: string; invoiced: string; credited: string; invoiced_delivered: string; credited_delivered: string }[]
  >(
    `select l.id as order_line_id,
            coalesce((select sum(s.quantity) from shipped_line s where s.order_line_id = l.id), 0)::text as delivered,
            coalesce((select sum(r.quantity) from returned_line r where r.order_line_id = l.id), 0)::text as returned,
            coalesce((select sum(il.quantity) from invoice_line il where il.order_line_id = l.id), 0)::text as invoiced,
            coalesce((select sum(cl.quantity) from credit_note_line cl where cl.order_line_id = l.id and cl.returns_quantity), 0)::text as credited,
            coalesce((select sum(il.quantity) from invoice_line il where il.order_line_id = l.id and il.basis = 'DELIVERED'), 0)::text as invoiced_delivered,
            coalesce((select sum(cl.quantity) from credit_note_line cl join invoice_line il on il.id = cl.invoice_line_id
                       where cl.order_line_id = l.id and cl.returns_quantity and il.basis = 'DELIVERED'), 0)::text as credited_delivered
       from order_line l where l.order_id = ?`,
    [orderId],
  );
  const byLine = new Map(rows.map((r) => [r.order_line_id, r]));
  return lines.map((line) => {
    const row = byLine.get(line.id);
    const delivered = quantityUnits(row?.delivered ?? '0');
    const returned = quantityUnits(row?.returned ?? '0');
    const invoiced = quantityUnits(row?.invoiced ?? '0') - quantityUnits(row?.credited ?? '0');
    const kept = delivered - returned;
    const invoiceable = kept > invoiced ? kept - invoiced : 0n;
    const ordered = quantityUnits(line.quantity);
    const cancelled = quantityUnits(line.cancelledQuantity);
    const open = ordered - cancelled > delivered ? ordered - cancelled : delivered;
    const invoiceableOrdered = open - returned > invoiced ? open - returned - invoiced : 0n;
    const invoicedDelivered = quantityUnits(row?.invoiced_delivered ?? '0') - quantityUnits(row?.credited_delivered ?? '0');
    const overInvoicedDelivered = invoicedDelivered > kept ? invoicedDelivered - kept : 0n;
    const beyondBillable = invoiced > open - returned ? invoiced - (open - returned) : 0n;
    const overInvoiced = beyondBillable > overInvoicedDelivered ? beyondBillable : overInvoicedDelivered;
    return { line, ordered, cancelled, delivered, returned, invoiced, invoiceable, invoiceableOrdered, billable: open, overInvoiced, overInvoicedDelivered };
  });
}
