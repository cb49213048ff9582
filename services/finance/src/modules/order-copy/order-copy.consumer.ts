import { causedBy, on } from '@rapport/bus';
import { OrderCancelledV2, OrderConfirmedV2, ReturnReceivedV1, ShipmentShippedV2 } from '@rapport/contracts';
import { formatQuantity, quantityUnits } from '@rapport/errors';
import { creditCancelledUndelivered, creditReturned } from '../credit-note/credit-note.service.js';

/**
 * Finance's read copy of what it may invoice: confirmed order lines (`sales.order.confirmed.v2`),
 * their cancelled quantities (`sales.order.cancelled.v2`, which also credits what was invoiced and
 * will now not be delivered) and what each shipment carried (`inventory.shipment.shipped.v2`).
 * Each runs in its event's inbox transaction (a redelivery changes nothing); the inserts also skip
 * a row already there. Shipments are kept per shipment and order line, whether or not the order
 * is known yet: events of different aggregates may come in any order, and a line's delivered
 * quantity is the sum of the shipment rows naming it whenever it is read. Customer returns
 * (`inventory.return.received.v1`) are kept the same way per return and order line, and credit
 * what was invoiced of the returned goods (reason RETURN).
 */
export const orderCopyHandlers = [
  on(OrderConfirmedV2, async (data, _event, em) => {
    await em.execute(`insert into sales_order (id, customer_id, number, currency, confirmed_at) values (?, ?, ?, ?, ?) on conflict (id) do nothing`, [
      data.orderId,
      data.customerId,
      data.number,
      data.currency,
      data.confirmedAt,
    ]);
    let position = 0;
    for (const line of data.lines) {
      position += 1;
      await em.execute(
        `insert into order_line (id, order_id, position, product_id, quantity, unit_price, discount_percent, tax_rate) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`,
        [line.lineId, data.orderId, position, line.productId, line.quantity, line.unitPrice.amount, line.discountPercent, line.taxRate],
      );
    }
  }),
  on(OrderCancelledV2, async (data, event, em) => {
    for (const line of data.lines) {
      const [row] = await em.execute<{ cancelled_quantity: string }[]>('select cancelled_quantity from order_line where id = ? for update', [line.lineId]);
      if (!row) continue; // a line finance never saw confirmed has nothing invoiced to credit
      const cancelled = quantityUnits(row.cancelled_quantity) + quantityUnits(line.quantity);
      await em.execute('update order_line set cancelled_quantity = ?, updated_at = now() where id = ?', [formatQuantity(cancelled), line.lineId]);
    }
    await creditCancelledUndelivered(em, data.orderId, data.whole, causedBy(event));
  }),
  on(ShipmentShippedV2, async (data, _event, em) => {
    for (const line of data.lines) {
      await em.execute(
        `insert into shipped_line (id, shipment_id, order_line_id, order_id, product_id, quantity, shipped_at) values (gen_random_uuid(), ?, ?, ?, ?, ?, ?)
         on conflict (shipment_id, order_line_id) do nothing`,
        [data.shipmentId, line.orderLineId, line.orderId, line.productId, line.quantity, data.shippedAt],
      );
    }
  }),
  on(ReturnReceivedV1, async (data, event, em) => {
    for (const line of data.lines) {
      await em.execute(
        `insert into returned_line (id, return_id, order_line_id, order_id, product_id, quantity, condition, received_at) values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?)
         on conflict (return_id, order_line_id) do nothing`,
        [data.returnId, line.orderLineId, line.orderId, line.productId, line.quantity, line.condition, data.receivedAt],
      );
    }
    const meta = causedBy(event);
    for (const orderId of [...new Set(data.lines.map((l) => l.orderId))].sort()) await creditReturned(em, orderId, meta);
  }),
];
