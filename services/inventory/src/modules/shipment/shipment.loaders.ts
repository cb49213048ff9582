import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { DataLoader, groupedLoader, type Caller } from '@rapport/subgraph-kit';
import type { IShipment } from './shipment.entity.js';
import { shipmentPolicy } from './shipment.policy.js';
import { returnsOfShipments } from '../customer-return/customer-return.service.js';
import { linesOfShipments, shipmentIdsOfOrders, visibleShipments } from './shipment.service.js';

/**
 * Per-request loaders: the shipping notices of N orders cost two queries (which notices serve them,
 * then those the caller may see), the lines of N notices one; none at all for a caller whose role
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
      const pairs = await shipmentIdsOfOrders(em, orderIds);
      const shipments = new Map((await visibleByIds([...new Set(pairs.map((p) => p.shipmentId))])).map((s) => [s.id, s]));
      const ordered = [...shipments.values()];
      return orderIds.map((orderId) => ordered.filter((s) => pairs.some((p) => p.orderId === orderId && p.shipmentId === s.id)));
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
