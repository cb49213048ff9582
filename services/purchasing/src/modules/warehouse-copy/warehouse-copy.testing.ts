import { randomUUID } from 'node:crypto';
import type { TestSubgraph } from '@rapport/subgraph-kit/testing';
import { applyWarehouseSnapshot } from './warehouse-copy.js';

/** Puts a warehouse into purchasing's copy as if inventory had announced it (tests without Kafka); returns its id. */
export async function seedWarehouse(subgraph: TestSubgraph, overrides: { id?: string; active?: boolean; code?: string } = {}): Promise<string> {
  const warehouseId = overrides.id ?? randomUUID();
  await subgraph.service.orm.em
    .fork()
    .transactional((tx) =>
      applyWarehouseSnapshot(
        tx,
        { warehouseId, code: overrides.code ?? `WH-${warehouseId.slice(0, 6)}`, name: 'Test warehouse', active: overrides.active ?? true, createdAt: new Date().toISOString() },
        new Date().toISOString(),
      ),
    );
  return warehouseId;
}
