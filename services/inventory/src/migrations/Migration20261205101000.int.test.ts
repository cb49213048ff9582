import { randomUUID } from 'node:crypto';
import { createLogger, createOrm, type MikroORM } from '@rapport/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from './index.js';

// Shipments from before notices had lines are carried over by Migration20261205101000: numbered,
// given a warehouse and lines from the moves they posted (shipped) or the order's reservations (planned).

let database: TestDatabase;
let orm: MikroORM;
const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => orm.em.fork().getConnection().execute<T[]>(query, params);

const ids = {
  product: randomUUID(),
  w1: randomUUID(),
  w2: randomUUID(),
  shippedOrder: randomUUID(),
  shippedLine: randomUUID(),
  plannedOrder: randomUUID(),
  plannedLineA: randomUUID(),
  plannedLineB: randomUUID(),
  shipped: randomUUID(),
  planned: randomUUID(),
  empty: randomUUID(),
};

beforeAll(async () => {
  database = await createTestDatabase('inventory_shipment_lines');
  orm = await createOrm({ url: database.url, entities: [], migrations, logger: createLogger('migration-test', 'warn') });
  await orm.migrator.up({ to: 'Migration20261205200005' });
  const customer = randomUUID();
  await sql(`insert into product (id, sku, name, unit, list_price, currency) values (?, 'M-1', 'Pump', 'pcs', 10, 'EUR')`, [ids.product]);
  await sql(`insert into warehouse (id, code, name) values (?, 'W1', 'One'), (?, 'W2', 'Two')`, [ids.w1, ids.w2]);
  const demand = `insert into order_demand (order_line_id, order_id, customer_id, product_id, ordered, confirmed_at) values (?, ?, ?, ?, ?, now())`;
  await sql(demand, [ids.shippedLine, ids.shippedOrder, customer, ids.product, 4]);
  await sql(demand, [ids.plannedLineA, ids.plannedOrder, customer, ids.product, 5]);
  await sql(demand, [ids.plannedLineB, ids.plannedOrder, customer, ids.product, 2]);
  const reservation = `insert into reservation (id, order_id, order_line_id, product_id, warehouse_id, quantity) values (?, ?, ?, ?, ?, ?)`;
  await sql(reservation, [randomUUID(), ids.shippedOrder, ids.shippedLine, ids.product, ids.w1, 0]);
  await sql(reservation, [randomUUID(), ids.plannedOrder, ids.plannedLineA, ids.product, ids.w2, 5]);
  await sql(reservation, [randomUUID(), ids.plannedOrder, ids.plannedLineB, ids.product, ids.w2, 2]);
  await sql(reservation, [randomUUID(), ids.plannedOrder, ids.plannedLineB, ids.product, ids.w1, 0]);
  const shipment = `insert into shipment (id, order_id, customer_id, status, planned_at, created_at) values (?, ?, ?, ?, now(), now() + ?::interval)`;
  await sql(shipment, [ids.shipped, ids.shippedOrder, customer, 'DELIVERED', '0 seconds']);
  await sql(shipment, [ids.planned, ids.plannedOrder, customer, 'PLANNED', '1 second']);
  await sql(shipment, [ids.empty, randomUUID(), customer, 'PLANNED', '2 seconds']);
  await sql(
    `insert into stock_move (id, product_id, warehouse_id, kind, quantity, reference_type, reference_id, moved_at) values (?, ?, ?, 'DELIVERY', -4, 'SHIPMENT', ?, now())`,
    [randomUUID(), ids.product, ids.w1, ids.shipped],
  );
  await orm.migrator.up();
});
afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
});

describe('carrying shipments over to notices with lines', () => {
  it('numbers them in creation order and takes the warehouse from their moves or the reservations', async () => {
    expect(await sql('select id, number, warehouse_id, status from shipment order by number')).toEqual([
      { id: ids.shipped, number: 'DN-000001', warehouse_id: ids.w1, status: 'DELIVERED' },
      { id: ids.planned, number: 'DN-000002', warehouse_id: ids.w2, status: 'PLANNED' },
      { id: ids.empty, number: 'DN-000003', warehouse_id: null, status: 'PLANNED' },
    ]);
    expect(await sql(`select nextval('shipment_number_seq')::int as n`)).toEqual([{ n: 4 }]);
  });

  it('gives a shipped one a line per order line it delivered, and a planned one its order’s open reservations there', async () => {
    const lines = await sql('select shipment_id, order_line_id, planned::text, shipped::text from shipment_line order by shipment_id = ? desc, planned desc', [ids.shipped]);
    expect(lines).toEqual([
      { shipment_id: ids.shipped, order_line_id: ids.shippedLine, planned: '4.000', shipped: '4.000' },
      { shipment_id: ids.planned, order_line_id: ids.plannedLineA, planned: '5.000', shipped: '0.000' },
      { shipment_id: ids.planned, order_line_id: ids.plannedLineB, planned: '2.000', shipped: '0.000' },
    ]);
  });
});
