import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { on } from '@rapport/bus';
import { WarehouseChangedV1, WarehouseCreatedV1, type EventData } from '@rapport/contracts';
import { badInput, requireUuid } from '@rapport/errors';

type WarehouseSnapshot = EventData<typeof WarehouseCreatedV1> | EventData<typeof WarehouseChangedV1>;

/**
 * Keeps `warehouse_copy` at the newest snapshot inventory announced (by the time inventory stamped
 * it): a snapshot older than the one kept, arriving late or replayed, changes nothing. A read copy in
 * raw SQL, never audited (only inventory changes warehouses).
 */
export async function applyWarehouseSnapshot(em: SqlEntityManager, data: WarehouseSnapshot, at: string): Promise<void> {
  await em.execute(
    `insert into warehouse_copy (id, code, name, active, changed_at) values (?, ?, ?, ?, ?)
     on conflict (id) do update set code = excluded.code, name = excluded.name, active = excluded.active, changed_at = excluded.changed_at
     where warehouse_copy.changed_at <= excluded.changed_at`,
    [data.warehouseId, data.code, data.name, data.active, at],
  );
}

/** Inventory's warehouse events keep purchasing's copy (both keyed by the warehouse id, so in order). */
export const warehouseCopyHandlers = [
  on(WarehouseCreatedV1, async (data, _event, em) => applyWarehouseSnapshot(em, data, data.createdAt)),
  on(WarehouseChangedV1, async (data, _event, em) => applyWarehouseSnapshot(em, data, data.changedAt)),
];

/**
 * The warehouse id `value` given in `field`, if it is one inventory announced and still in use:
 * BAD_USER_INPUT naming `field` otherwise (WAREHOUSE_NOT_FOUND, WAREHOUSE_INACTIVE). Null stays null.
 */
export async function requireActiveWarehouse(em: SqlEntityManager, field: string, value: string | null | undefined): Promise<string | null> {
  if (!value) return null;
  const id = requireUuid(field, value).toLowerCase();
  const [row] = await em.execute<{ code: string; active: boolean }[]>('select code, active from warehouse_copy where id = ?', [id]);
  if (!row) throw badInput(field, `${field}: inventory knows no warehouse ${value}`, 'WAREHOUSE_NOT_FOUND');
  if (!row.active) throw badInput(field, `${field}: warehouse ${row.code} is no longer in use`, 'WAREHOUSE_INACTIVE');
  return id;
}
