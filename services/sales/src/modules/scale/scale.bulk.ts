import {
  inScaleChunks,
  insertScaleCustomerAccess,
  SCALE_CUSTOMERS_SQL,
  SCALE_PRICE_SQL,
  SCALE_PRODUCT_SQL,
  SCALE_QUANTITY_SQL,
  scaleIdSql,
  scaleParams,
  scaleProductsParam,
  type ScaleSpec,
  type SqlRunner,
} from '@rapport/subgraph-kit';

// Sales' part of the scale data set (issue 15 item 5; `@rapport/subgraph-kit`'s scale.ts says how
// customer n's rows follow from n): per customer one opportunity (open for even n, won or lost
// otherwise) and one order of one line, invoiced (even n: still open, its invoice overdue) or
// completed; sales' read copies — `customer_access`, `customer_profile` (the billing address's
// country) and `sales_order_invoice` (finance's invoice of each order) — as its consumers would have
// them; and the analytics rollups. The rollup triggers add one row at a time, and within one big
// transaction every row of a chunk updates the same few rollup rows again, each update one more row
// version to walk: 20,000 customers took 84 s. So each chunk runs with triggers off for its own
// session (`session_replication_role = replica`, as logical replication applies rows) and adds the chunk's rows to
// the rollups with one grouped statement per rollup table, the sums the triggers would have made.

/** Rows written per table. */
export type ScaleSalesRows = Record<'customer_access' | 'customer_profile' | 'opportunity' | 'sales_order' | 'sales_order_line' | 'sales_order_invoice', number>;

/** The seeded pipeline's stages by position (1 Qualification … 4 Negotiation, 5 Won, 6 Lost). */
const STAGES = `(select array_agg(id order by position) as ids from pipeline_stage
   where pipeline_id = (select pipeline_id from pipeline_stage where id = '5a1e5000-0000-4000-8000-000000000001')) as s`;

/** Writes the scale opportunities, orders, their lines and invoice links, and `customer_access` rows (chunk by chunk). */
export async function loadScaleSales(db: SqlRunner, spec: ScaleSpec): Promise<ScaleSalesRows> {
  const rows: ScaleSalesRows = { customer_access: 0, customer_profile: 0, opportunity: 0, sales_order: 0, sales_order_line: 0, sales_order_invoice: 0 };
  const count = (result: { rowCount: number | null }): number => result.rowCount ?? 0;
  await inScaleChunks(db, spec, async (from, to) => {
    const params = scaleParams(spec, from, to);
    const withProducts = [...params, scaleProductsParam(spec)];
    await db.query(`set local session_replication_role = replica`);
    rows.customer_access += await insertScaleCustomerAccess(db, spec, from, to);
    rows.customer_profile += count(
      await db.query(
        `insert into customer_profile (customer_id, country, region_address_id, region_at)
         select c.customer_id, 'DE', ${scaleIdSql('address')}, now() from ${SCALE_CUSTOMERS_SQL}`,
        params,
      ),
    );
    rows.opportunity += count(
      await db.query(
        `insert into opportunity (id, customer_id, title, amount, currency, stage_id, furthest_stage_id, status, expected_close_date, closed_at, created_at, updated_at)
         select ${scaleIdSql('opportunity')}, c.customer_id, 'Deal ' || c.n, (1 + c.n % 50) * 1000.00, 'EUR', s.ids[o.stage], s.ids[o.stage],
                o.status, case when o.status = 'OPEN' then current_date + (c.n % 90)::int end,
                case when o.status <> 'OPEN' then now() - (c.n % 60) * interval '1 day' end, now() - (c.n % 60 + 20) * interval '1 day', now()
           from ${SCALE_CUSTOMERS_SQL}
          cross join ${STAGES}
          cross join lateral (select case when c.n % 2 = 0 then 1 + (c.n / 2) % 4 when c.n % 4 = 1 then 5 else 6 end as stage,
                                     case when c.n % 2 = 0 then 'OPEN' when c.n % 4 = 1 then 'WON' else 'LOST' end as status) as o`,
        params,
      ),
    );
    rows.sales_order += count(
      await db.query(
        `insert into sales_order (id, number, customer_id, status, currency, total, tax_total, gross_total, confirmed_at, completed_at, delivered_at, paid_at, created_at, updated_at)
         select ${scaleIdSql('order')}, 'SC-' || lpad(c.n::text, 7, '0'), c.customer_id, case when c.n % 2 = 0 then 'INVOICED' else 'COMPLETED' end, 'EUR',
                ${SCALE_QUANTITY_SQL} * ${SCALE_PRICE_SQL}, 0, ${SCALE_QUANTITY_SQL} * ${SCALE_PRICE_SQL}, now() - (c.n % 60 + 50) * interval '1 day',
                d.done, d.done, d.done, now() - (c.n % 60 + 50) * interval '1 day', now()
           from ${SCALE_CUSTOMERS_SQL}
          cross join lateral (select case when c.n % 2 = 1 then now() - (c.n % 60) * interval '1 day' end as done) as d`,
        params,
      ),
    );
    rows.sales_order_line += count(
      await db.query(
        `insert into sales_order_line (id, order_id, position, product_id, quantity, unit_price, currency, line_total, description, unit_price_gross, price_entry,
                                       discount_percent, tax_rate, reserved_quantity, short_quantity, cancelled_quantity, delivered_quantity, invoiced_quantity, returned_quantity)
         select ${scaleIdSql('order-line')}, ${scaleIdSql('order')}, 1, ${SCALE_PRODUCT_SQL}, ${SCALE_QUANTITY_SQL}, ${SCALE_PRICE_SQL}, 'EUR',
                ${SCALE_QUANTITY_SQL} * ${SCALE_PRICE_SQL}, 'Scale product', ${SCALE_PRICE_SQL}, 'NET', 0, 0, 0, 0, 0,
                case when c.n % 2 = 1 then ${SCALE_QUANTITY_SQL} else 0 end, ${SCALE_QUANTITY_SQL}, 0
           from ${SCALE_CUSTOMERS_SQL}`,
        withProducts,
      ),
    );
    rows.sales_order_invoice += count(
      await db.query(
        `insert into sales_order_invoice (id, invoice_id, order_id, number, issued_at, paid_at)
         select ${scaleIdSql('order-invoice')}, ${scaleIdSql('invoice')}, ${scaleIdSql('order')}, 'SC-INV-' || lpad(c.n::text, 7, '0'),
                now() - (c.n % 30 + 40) * interval '1 day', case when c.n % 2 = 1 then now() - (c.n % 30 + 30) * interval '1 day' end
           from ${SCALE_CUSTOMERS_SQL}`,
        params,
      ),
    );
    for (const rollup of ROLLUPS) await db.query(rollup, params);
  });
  return rows;
}

/** Adds a grouped select's rows to a rollup table: `sums` are the columns added up on conflict. */
const addTo = (table: string, conflict: string, columns: string[], sums: string[], select: string): string =>
  `insert into ${table} as r (${[...columns, ...sums].join(', ')}) ${select}
   on conflict ${conflict} do update set ${sums.map((s) => `${s} = r.${s} + excluded.${s}`).join(', ')}`;

const CHUNK_OPPORTUNITIES = `${SCALE_CUSTOMERS_SQL} join opportunity o on o.id = ${scaleIdSql('opportunity')} left join customer_access a on a.customer_id = o.customer_id`;
const CHUNK_ORDERS = `${SCALE_CUSTOMERS_SQL} join sales_order so on so.id = ${scaleIdSql('order')} left join customer_access a on a.customer_id = so.customer_id`;
const CHUNK_LINES = `${SCALE_CUSTOMERS_SQL} join sales_order so on so.id = ${scaleIdSql('order')} join sales_order_line l on l.order_id = so.id`;
const LINE_MONTH = `(date_trunc('month', so.confirmed_at at time zone 'UTC'))::date`;

/** The chunk's contribution to each rollup, as sales_rollup_opportunity, sales_rollup_order_add and sales_rollup_add would add it row by row. */
const ROLLUPS = [
  addTo(
    'sales_rollup_pipeline',
    'on constraint sales_rollup_pipeline_key',
    ['month', 'owner_id', 'team_id', 'stage_id', 'currency'],
    ['deals', 'amount'],
    `select (date_trunc('month', o.expected_close_date))::date, a.owner_id, a.team_id, o.stage_id, o.currency, count(*), sum(o.amount) from ${CHUNK_OPPORTUNITIES}
      where o.deleted_at is null and o.status = 'OPEN' and o.expected_close_date is not null group by 1, 2, 3, 4, 5`,
  ),
  addTo(
    'sales_rollup_cohort',
    'on constraint sales_rollup_cohort_key',
    ['month', 'owner_id', 'team_id', 'stage_id', 'furthest_stage_id', 'status', 'currency'],
    ['deals', 'amount'],
    `select (date_trunc('month', o.created_at at time zone 'UTC'))::date, a.owner_id, a.team_id, o.stage_id, o.furthest_stage_id, o.status, o.currency, count(*), sum(o.amount)
       from ${CHUNK_OPPORTUNITIES} where o.deleted_at is null group by 1, 2, 3, 4, 5, 6, 7`,
  ),
  addTo(
    'sales_rollup_order',
    'on constraint sales_rollup_order_key',
    ['day', 'owner_id', 'team_id', 'currency'],
    ['orders', 'total'],
    `select (so.confirmed_at at time zone 'UTC')::date, a.owner_id, a.team_id, so.currency, count(*), sum(so.total) from ${CHUNK_ORDERS}
      where so.status <> 'CANCELLED' group by 1, 2, 3, 4`,
  ),
  addTo(
    'sales_rollup_product',
    '(month, product_id, currency)',
    ['month', 'product_id', 'currency'],
    ['lines', 'quantity', 'amount'],
    `select ${LINE_MONTH}, l.product_id, l.currency, count(*), sum(l.quantity), sum(l.line_total) from ${CHUNK_LINES} where so.status <> 'CANCELLED' group by 1, 2, 3`,
  ),
  addTo(
    'sales_rollup_segment',
    'on constraint sales_rollup_segment_key',
    ['month', 'industry', 'region', 'country', 'currency'],
    ['lines', 'quantity', 'amount'],
    `select ${LINE_MONTH}, p.industry, p.region, p.country, l.currency, count(*), sum(l.quantity), sum(l.line_total)
       from ${CHUNK_LINES} left join customer_profile p on p.customer_id = so.customer_id where so.status <> 'CANCELLED' group by 1, 2, 3, 4, 5`,
  ),
  addTo(
    'sales_rollup_day',
    '(day, currency)',
    ['day', 'currency'],
    ['amount'],
    `select (so.confirmed_at at time zone 'UTC')::date, l.currency, sum(l.line_total) from ${CHUNK_LINES} where so.status <> 'CANCELLED' group by 1, 2`,
  ),
];
