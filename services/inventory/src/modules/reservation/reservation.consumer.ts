import { causedBy, on } from '@rapport/bus';
import { OrderCancelledV2, OrderConfirmedV2 } from '@rapport/contracts';
import { shipConvertedLoan } from '../loan/loan.service.js';
import { releaseOrderLines, reserveOrder } from './reservation.service.js';

/**
 * A confirmed order reserves stock per line (or reports the shortage), unless it is the sale of a
 * kept loan: its goods are out already, so it is reported shipped at once instead (`shipConvertedLoan`); a cancellation releases what
 * its lines had reserved, and takes them off the order's open shipping notices. Both run inside the inbox transaction, so a redelivered event changes
 * nothing; and under the products' row locks, so concurrent orders never reserve the same unit.
 */
export const reservationHandlers = [
  on(OrderConfirmedV2, async (data, event, em) => {
    if (await shipConvertedLoan(em, data, causedBy(event))) return;
    await reserveOrder(
      em,
      {
        orderId: data.orderId,
        customerId: data.customerId,
        warehouseId: data.warehouseId,
        confirmedAt: data.confirmedAt,
        lines: data.lines.map((l) => ({ lineId: l.lineId, productId: l.productId, quantity: l.quantity })),
      },
      causedBy(event),
    );
  }),
  on(OrderCancelledV2, async (data, event, em) => {
    await releaseOrderLines(em, data.orderId, data.lines, causedBy(event), data.reason);
  }),
];
