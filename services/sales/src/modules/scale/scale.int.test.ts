// The scale loader's sales part against real PostgreSQL: it writes its rows with the rollup triggers
// off and adds them to the rollups itself, so the test takes them out again the ordinary way (the
// triggers on: orders cancelled, opportunities deleted) and expects every rollup back at zero.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ScaleSpec } from '@rapport/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesService } from '../../create-sales-service.js';
import { loadScaleSales } from './scale.bulk.js';

let subgraph: TestSubgraph;
let client: pg.Client;
const spec: ScaleSpec = {
  customers: 300,
  repId: randomUUID(),
  repCustomers: 10,
  otherOwnerIds: [randomUUID(), randomUUID()],
  productIds: [randomUUID(), randomUUID()],
  chunk: 120,
};
const ROLLUPS: Record<string, string> = {
  sales_rollup_pipeline: 'deals <> 0 or amount <> 0',
  sales_rollup_cohort: 'deals <> 0 or amount <> 0',
  sales_rollup_order: 'orders <> 0 or total <> 0',
  sales_rollup_product: 'lines <> 0 or quantity <> 0 or amount <> 0',
  sales_rollup_segment: 'lines <> 0 or quantity <> 0 or amount <> 0',
  sales_rollup_day: 'amount <> 0',
};
const count = async (text: string): Promise<number> => Number((await client.query<{ n: string }>(text)).rows[0]?.n);

beforeAll(async () => {
  let url = '';
  subgraph = await startTestSubgraph('sales', createSalesService, { databaseUrl: (u) => (url = u) });
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await subgraph?.stop();
});

describe('the scale loader of sales', () => {
  it('writes one opportunity, one order with one line and one invoice link per customer, and their visibility and profile copies', async () => {
    const rows = await loadScaleSales(client, spec);
    expect(rows).toEqual({ customer_access: 300, customer_profile: 300, opportunity: 300, sales_order: 300, sales_order_line: 300, sales_order_invoice: 300 });
  });

  it('gives the rep every 30th customer, each with an open deal and an open order, like the other even-numbered customers', async () => {
    const mine = await client.query<{ open_deals: string; open_orders: string; customers: string }>(
      `select count(distinct a.customer_id) as customers,
              count(*) filter (where o.status = 'OPEN') as open_deals,
              count(*) filter (where so.status not in ('COMPLETED', 'CANCELLED')) as open_orders
         from customer_access a join opportunity o on o.customer_id = a.customer_id join sales_order so on so.customer_id = a.customer_id
        where a.owner_id = $1`,
      [spec.repId],
    );
    expect(mine.rows[0]).toEqual({ customers: '10', open_deals: '10', open_orders: '10' });
    expect(await count(`select count(*) as n from opportunity where status = 'OPEN'`)).toBe(150);
  });

  it('adds its rows to every rollup exactly as the row triggers take them out again', async () => {
    for (const [table, nonZero] of Object.entries(ROLLUPS)) expect(await count(`select count(*) as n from ${table} where ${nonZero}`), table).toBeGreaterThan(0);
    await client.query(`update sales_order set status = 'CANCELLED', cancelled_at = now() where number like 'SC-%'`);
    await client.query(`delete from opportunity where title like 'Deal %'`);
    for (const [table, nonZero] of Object.entries(ROLLUPS)) expect(await count(`select count(*) as n from ${table} where ${nonZero}`), table).toBe(0);
  });
});
