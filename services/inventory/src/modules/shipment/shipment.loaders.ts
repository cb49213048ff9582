import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { DataLoader, groupedLoader, leanSql, visibleCustomersWhere, type Caller, type Viewer } from '@rapport/subgraph-kit';
import { Shipment, type IShipment } from './shipment.entity.js';
import { shipmentPolicy } from './shipment.policy.js';
import { returnsOfShipments } from '../customer-return/customer-return.service.js';
import { linesOfShipments, visibleShipments } from './shipment.service.js';

/**
 * Per-request loaders: the shipping notices of N orders cost one query, the lines of N notices one; none at all for a caller whose role
 * sees no shipments.
 */
export const createShipmentLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(shipmentPolicy, 'lookup');
  const visibleByIds = async (ids: readonly string[]): Promise<IShipment[]> =>
    !viewer || ids.length === 0
      ? []
      : visibleShipments(em, viewer)
          .andWhere({ id: { $in: [...ids] } })
          .orderBy({ plannedAt: 'asc', id: 'asc' })
          .getResultList();
  return {
    shipmentsByOrderId: new DataLoader<string, IShipment[]>(async (orderIds) => {
      if (!viewer) return orderIds.map(() => []);
      const byOrder = new Map<string, IShipment[]>();
      for (const { servedOrderId, ...shipment } of await shipmentsServingOrders(em, viewer, orderIds)) {
        const list = byOrder.get(servedOrderId);
        if (list) list.push(shipment);
        else byOrder.set(servedOrderId, [shipment]);
      }
      return orderIds.map((orderId) => byOrder.get(orderId) ?? []);
    }),
    shipmentById: new DataLoader<string, IShipment | null>(async (ids) => {
      const found = new Map((await visibleByIds(ids)).map((s) => [s.id, s]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    returnsByShipmentId: groupedLoader(
      (shipmentIds) => returnsOfShipments(em, shipmentIds),
      (r) => r.shipmentId,
    ),
    linesByShipmentId: groupedLoader(
      (shipmentIds) => linesOfShipments(em, shipmentIds),
      (line) => line.shipmentId,
    ),
  };
};

/**
 * The notices serving `orderIds` that the viewer may see, each with the order it serves
 * (`servedOrderId`; a notice serving several of them comes once per order), oldest planned first:
 * one statement, plain rows (see `leanSql`). A notice serves an order by a line of it, or (notices
 * from before lines) by naming the order.
 */
async function shipmentsServingOrders(em: SqlEntityManager, viewer: Viewer, orderIds: readonly string[]): Promise<(IShipment & { servedOrderId: string })[]> {
  const visible = visibleCustomersWhere(viewer, '"s"');
  // The extra column passes through MikroORM's result mapper under its own name.
  const rows = (await leanSql(
    em,
    Shipment,
    `select "s".*, "p"."order_id" as "served_order_id" from "shipment" as "s" join (
       select distinct order_id, shipment_id from shipment_line where order_id = any(?::uuid[])
       union select order_id, id from shipment where order_id = any(?::uuid[])
     ) as "p" on "p"."shipment_id" = "s"."id"${visible ? ` where ${visible.sql}` : ''}
     order by "s"."planned_at" asc, "s"."id" asc`,
    [[...orderIds], [...orderIds], ...(visible?.params ?? [])],
    { prepare: true },
  )) as (IShipment & { served_order_id: string })[];
  return rows.map(({ served_order_id: servedOrderId, ...shipment }) => ({ ...shipment, servedOrderId }));
}
