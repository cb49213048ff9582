import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { AppError, badInput, conflict, notFound, optionalText, requireText, requireUuid } from '@rapport/errors';
import { publish } from '@rapport/bus';
import { WarehouseChangedV1, WarehouseCreatedV1, type EventMetadata } from '@rapport/contracts';
import { keysetPage, transition, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { Warehouse, type IWarehouse } from './warehouse.entity.js';

export interface CreateWarehouseInput {
  code: string;
  name: string;
  address?: string | null;
  allowNegativeStock?: boolean | null;
}

export interface UpdateWarehouseInput {
  name?: string | null;
  address?: string | null;
  allowNegativeStock?: boolean | null;
  active?: boolean | null;
}

const CODE = /^[A-Z0-9][A-Z0-9._-]*$/;

function requireCode(field: string, value: string): string {
  const code = requireText(field, value, 32).toUpperCase();
  if (!CODE.test(code)) throw badInput(field, `${field} may hold only letters, digits and . _ -, starting with a letter or digit`, 'INVALID_WAREHOUSE_CODE');
  return code;
}

// Warehouses belong to no customer, so a viewer's access (checked when it was given) narrows nothing:
// every function takes it all the same, as every service does.

const codeTaken = (code: string): AppError => conflict('WAREHOUSE_CODE_TAKEN', `a warehouse with code ${code} exists already`, 'input.code');

const snapshot = (w: IWarehouse) => ({ warehouseId: w.id, code: w.code, name: w.name, active: w.active });

/**
 * Creates a warehouse; CONFLICT naming `input.code` when the code is taken. Announced
 * (`inventory.warehouse.created.v1`) so that purchasing can check the warehouses its orders name.
 */
export async function createWarehouse(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: CreateWarehouseInput, meta: EventMetadata = {}): Promise<IWarehouse> {
  const code = requireCode('input.code', input.code);
  const name = requireText('input.name', input.name);
  const address = optionalText('input.address', input.address, 500);
  if (await em.findOne(Warehouse, { code })) throw codeTaken(code);
  const warehouse = em.create(Warehouse, { id: randomUUID(), code, name, address, allowNegativeStock: input.allowNegativeStock ?? false, active: true });
  publish(em, WarehouseCreatedV1, warehouse.id, { ...snapshot(warehouse), createdAt: new Date().toISOString() }, meta);
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw codeTaken(code);
    throw error;
  }
  return warehouse;
}

/**
 * What still ties a warehouse to stock, so that it cannot be deactivated: goods on hand or reserved
 * in it, a transfer from or to it not fully received, a count sheet neither posted nor cancelled,
 * a shipping notice from it still planned, goods lent from it not all back or sold.
 */
async function stockHeldIn(em: SqlEntityManager, warehouseId: string): Promise<Record<string, number>> {
  const [row] = await em.execute<Record<string, number>[]>(
    `select
       (select count(*)::int from stock_level where warehouse_id = ? and (on_hand <> 0 or reserved <> 0)) as "levels",
       (select count(distinct t.id)::int from transfer t join transfer_line l on l.transfer_id = t.id
         where (t.from_warehouse_id = ? or t.to_warehouse_id = ?) and l.received < l.quantity) as "transfers",
       (select count(*)::int from stock_count where warehouse_id = ? and posted_at is null and cancelled_at is null) as "counts",
       (select count(*)::int from shipment where warehouse_id = ? and status = 'PLANNED') as "shipments",
       (select count(*)::int from loan where warehouse_id = ? and returned + converted < quantity) as "loans"`,
    [warehouseId, warehouseId, warehouseId, warehouseId, warehouseId, warehouseId],
  );
  return Object.fromEntries(Object.entries(row ?? {}).filter(([, n]) => n > 0));
}

/**
 * Changes the fields given under the warehouse's row lock (a move deciding on `allowNegativeStock` sees
 * the old rule or the new one, never half); a change of its name or whether it is in use is announced
 * (`inventory.warehouse.changed.v1`, the whole snapshot).
 *
 * Deactivating a warehouse that still holds stock is refused (CONFLICT `WAREHOUSE_NOT_EMPTY` naming
 * `input.active`, what holds it in `details`), as Odoo refuses to archive a location that still
 * contains products: move the goods out (transfer, adjust to zero), finish its transfers, counts,
 * notices and loans first. Moves read the warehouse FOR SHARE (`warehouseForMove`), so a deactivation
 * waits for those under way and sees what they left. An inactive warehouse keeps its history and
 * can be activated again; nothing moves in or out of it meanwhile (WAREHOUSE_INACTIVE).
 */
export async function updateWarehouse(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, input: UpdateWarehouseInput, meta: EventMetadata = {}): Promise<IWarehouse> {
  const name = input.name === undefined || input.name === null ? undefined : requireText('input.name', input.name);
  const address = input.address === undefined ? undefined : optionalText('input.address', input.address, 500);
  return transition(
    em,
    (tx) => getWarehouse(tx, viewer, id),
    async (warehouse, tx) => {
      const before = JSON.stringify(snapshot(warehouse));
      if (name !== undefined) warehouse.name = name;
      if (address !== undefined) warehouse.address = address;
      if (input.allowNegativeStock !== undefined && input.allowNegativeStock !== null) warehouse.allowNegativeStock = input.allowNegativeStock;
      if (input.active === false && warehouse.active) {
        const held = await stockHeldIn(tx, warehouse.id);
        if (Object.keys(held).length > 0) {
          throw new AppError(
            'CONFLICT',
            'WAREHOUSE_NOT_EMPTY',
            `input.active: warehouse ${warehouse.code} still holds stock (${Object.entries(held)
              .map(([what, n]) => `${n} ${what}`)
              .join(', ')}); empty it before deactivating it`,
            { field: 'input.active', details: held },
          );
        }
      }
      if (input.active !== undefined && input.active !== null) warehouse.active = input.active;
      if (JSON.stringify(snapshot(warehouse)) !== before) publish(tx, WarehouseChangedV1, warehouse.id, { ...snapshot(warehouse), changedAt: new Date().toISOString() }, meta);
      return warehouse;
    },
  );
}

/** The warehouse `id`; NOT_FOUND naming `field` when there is none. */
export async function getWarehouse(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IWarehouse> {
  const warehouse = await em.findOne(Warehouse, { id: requireUuid(field, id) });
  if (!warehouse) throw notFound('Warehouse', id, field);
  return warehouse;
}

/** Warehouses among `ids`, in one query (for references). */
export const warehousesByIds = (em: SqlEntityManager, viewer: Viewer, ids: readonly string[]): Promise<IWarehouse[]> => em.find(Warehouse, { id: { $in: [...ids] } });

const WAREHOUSE_ORDER: Keyset<IWarehouse> = { sort: 'w.code', kind: 'text', direction: 'asc', id: 'w.id', sortValue: (w) => w.code };

/** Warehouses by code, paged by keyset. */
export function listWarehouses(em: SqlEntityManager, viewer: Viewer, first: number | null | undefined, after: string | null | undefined): Promise<Connection<IWarehouse>> {
  return keysetPage(em.createQueryBuilder(Warehouse, 'w').select('*'), WAREHOUSE_ORDER, { field: 'warehouses', first, after });
}
