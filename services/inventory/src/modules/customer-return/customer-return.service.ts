import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { ReturnReceivedV1, type EventMetadata } from '@rapport/contracts';
import { AppError, badInput, conflict, formatQuantity, parseQuantity, quantityUnits, requireText, requireUuid } from '@rapport/errors';
import { transition, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { serveShortages } from '../reservation/reservation.service.js';
import { getShipment } from '../shipment/shipment.service.js';
import { ShipmentLine } from '../shipment/shipment.entity.js';
import { evaluateSafety } from '../stock/stock-alarm.js';
import { lockProducts, postMove, warehouseForMove } from '../stock/stock-ledger.js';
import { CustomerReturn, CustomerReturnLine, type ICustomerReturn, type ICustomerReturnLine, type ReturnCondition } from './customer-return.entity.js';

/** A return with its lines, as the schema shows it. */
export type CustomerReturnRow = ICustomerReturn & { lines: ICustomerReturnLine[] };

const toRow = (r: ICustomerReturn, lines: ICustomerReturnLine[]): CustomerReturnRow => ({
  id: r.id,
  number: r.number,
  shipmentId: r.shipmentId,
  customerId: r.customerId,
  warehouseId: r.warehouseId,
  reason: r.reason,
  receivedAt: r.receivedAt,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  lines,
});

export interface ReceiveReturnInput {
  shipmentId: string;
  reason: string;
  warehouseId?: string | null;
  lines: readonly { orderLineId: string; quantity: string; condition: ReturnCondition }[];
}

async function nextNumber(em: SqlEntityManager): Promise<string> {
  const [row] = await em.execute<{ n: string }[]>(`select nextval('customer_return_number_seq')::text as n`);
  if (!row) throw new Error('customer_return_number_seq returned no value');
  return `RT-${row.n.padStart(6, '0')}`;
}

/**
 * Receives goods a customer sent back against a delivered shipment: per order line a quantity and
 * its condition. RESTOCK goes back into the warehouse (the shipment's, unless another is given) by
 * a CUSTOMER_RETURN move at standard cost, then serves waiting shortages of it; SCRAP posts no move.
 * Writes `inventory.return.received.v1`. Under the products' and the shipment's row locks, so two
 * returns against one shipment never together return more than it delivered. BAD_USER_INPUT naming
 * the field for a line not on the shipment, a line given twice with one condition, a quantity that
 * is not positive or has more than three decimals, or more than was delivered and not yet returned;
 * CONFLICT unless the shipment is DELIVERED.
 */
export async function receiveReturn(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: ReceiveReturnInput, meta: EventMetadata): Promise<CustomerReturnRow> {
  const reason = requireText('input.reason', input.reason, 500);
  const warehouseId = input.warehouseId ? requireUuid('input.warehouseId', input.warehouseId) : null;
  if (input.lines.length === 0) throw badInput('input.lines', 'input.lines must name at least one order line', 'REQUIRED');
  const asked = input.lines.map((l, i) => ({
    field: `input.lines[${i}]`,
    orderLineId: requireUuid(`input.lines[${i}].orderLineId`, l.orderLineId),
    units: parseQuantity(`input.lines[${i}].quantity`, l.quantity),
    condition: l.condition,
  }));
  const dupe = asked.find((l, i) => asked.findIndex((o) => o.orderLineId === l.orderLineId && o.condition === l.condition) !== i);
  if (dupe) throw badInput(`${dupe.field}.orderLineId`, `${dupe.field}.orderLineId is given twice with condition ${dupe.condition}`, 'DUPLICATE_LINE');
  return transition(
    em,
    async (tx) => {
      const shipment = await getShipment(tx, viewer, input.shipmentId, 'input.shipmentId');
      const lines = await tx.find(ShipmentLine, { shipmentId: shipment.id });
      await lockProducts(
        tx,
        lines.map((l) => l.productId),
      );
      return shipment;
    },
    async (shipment, tx) => {
      if (shipment.status !== 'DELIVERED' || !shipment.warehouseId) {
        throw conflict(
          'SHIPMENT_NOT_DELIVERED',
          `shipment ${shipment.number} is ${shipment.status.toLowerCase()}; goods can be returned against a delivered shipment only`,
          'input.shipmentId',
        );
      }
      const target = await warehouseForMove(tx, warehouseId ?? shipment.warehouseId, 'input.warehouseId');
      const delivered = await tx.find(ShipmentLine, { shipmentId: shipment.id }, { refresh: true });
      const returnedRows = await tx.execute<{ order_line_id: string; q: string }[]>(
        `select l.order_line_id, sum(l.quantity)::text as q from customer_return_line l join customer_return r on r.id = l.return_id
         where r.shipment_id = ? group by l.order_line_id`,
        [shipment.id],
      );
      const returned = new Map(returnedRows.map((r) => [r.order_line_id, quantityUnits(r.q)]));
      const lines: (ICustomerReturnLine & { units: bigint })[] = [];
      const id = randomUUID();
      for (const a of asked) {
        const line = delivered.find((l) => l.orderLineId === a.orderLineId && quantityUnits(l.shipped) > 0n);
        if (!line) throw badInput(`${a.field}.orderLineId`, `${a.field}.orderLineId is not a line this shipment delivered`, 'NOT_ON_SHIPMENT');
        const left = quantityUnits(line.shipped) - (returned.get(a.orderLineId) ?? 0n);
        if (a.units > left) {
          throw new AppError('BAD_USER_INPUT', 'MORE_THAN_DELIVERED', `${a.field}.quantity: only ${formatQuantity(left)} was delivered and not yet returned`, {
            field: `${a.field}.quantity`,
            details: { returnable: formatQuantity(left) },
          });
        }
        returned.set(a.orderLineId, (returned.get(a.orderLineId) ?? 0n) + a.units);
        const now = new Date();
        lines.push({
          id: randomUUID(),
          returnId: id,
          orderId: line.orderId,
          orderLineId: line.orderLineId,
          productId: line.productId,
          quantity: formatQuantity(a.units),
          condition: a.condition,
          createdAt: now,
          updatedAt: now,
          units: a.units,
        });
      }
      const receivedAt = new Date();
      const header = tx.create(CustomerReturn, {
        id,
        number: await nextNumber(tx),
        shipmentId: shipment.id,
        customerId: shipment.customerId,
        warehouseId: target.id,
        reason,
        receivedAt,
      });
      await tx.flush();
      const products = await lockProducts(
        tx,
        lines.map((l) => l.productId),
      );
      for (const line of lines) {
        await tx.execute('insert into customer_return_line (id, return_id, order_id, order_line_id, product_id, quantity, condition) values (?, ?, ?, ?, ?, ?::numeric, ?)', [
          line.id,
          id,
          line.orderId,
          line.orderLineId,
          line.productId,
          line.quantity,
          line.condition,
        ]);
        if (line.condition !== 'RESTOCK') continue;
        const product = products.get(line.productId);
        await postMove(
          tx,
          {
            productId: line.productId,
            warehouseId: target.id,
            kind: 'CUSTOMER_RETURN',
            quantity: line.units,
            unitCost: product?.standardCost ?? null,
            currency: product?.currency ?? null,
            reason,
            referenceType: 'CUSTOMER_RETURN',
            referenceId: id,
          },
          meta,
        );
      }
      publish(
        tx,
        ReturnReceivedV1,
        id,
        {
          returnId: id,
          number: header.number,
          shipmentId: shipment.id,
          shipmentNumber: shipment.number,
          customerId: shipment.customerId,
          warehouseId: target.id,
          reason,
          lines: lines.map((l) => ({ orderId: l.orderId, orderLineId: l.orderLineId, productId: l.productId, quantity: l.quantity, condition: l.condition })),
          receivedAt: receivedAt.toISOString(),
        },
        meta,
      );
      for (const productId of new Set(lines.filter((l) => l.condition === 'RESTOCK').map((l) => l.productId))) {
        await serveShortages(tx, productId, target.id, meta);
        await evaluateSafety(tx, productId, target.id, meta);
      }
      return toRow(
        header,
        lines.map(({ units: _units, ...line }) => line),
      );
    },
  );
}

/** The returns against `shipmentIds`, oldest first, with their lines (two queries). */
export async function returnsOfShipments(em: SqlEntityManager, shipmentIds: readonly string[]): Promise<CustomerReturnRow[]> {
  if (shipmentIds.length === 0) return [];
  const headers = await em.find(CustomerReturn, { shipmentId: { $in: [...shipmentIds] } }, { orderBy: { receivedAt: 'asc', id: 'asc' } });
  if (headers.length === 0) return [];
  const lines = await em.find(CustomerReturnLine, { returnId: { $in: headers.map((h) => h.id) } }, { orderBy: { orderId: 'asc', orderLineId: 'asc', condition: 'asc' } });
  return headers.map((h) =>
    toRow(
      h,
      lines.filter((l) => l.returnId === h.id),
    ),
  );
}
