import { inScaleChunks, insertScaleCustomerAccess, SCALE_CUSTOMERS_SQL, scaleIdSql, scaleParams, type ScaleSpec, type SqlRunner } from '@rapport/subgraph-kit';

// Support's part of the scale data set (issue 15 item 5; `@rapport/subgraph-kit`'s scale.ts says how
// customer n's rows follow from n): two tickets per customer — the first open for even n (resolved
// otherwise), the second closed — and support's `customer_access` copy of the customers, which the
// kit's consumer would otherwise build from a million `customers.customer.created.v1` events.

/** Rows written per table. */
export type ScaleSupportRows = Record<'ticket' | 'customer_access', number>;

/** Writes the scale tickets and `customer_access` rows (chunk by chunk). */
export async function loadScaleSupport(db: SqlRunner, spec: ScaleSpec): Promise<ScaleSupportRows> {
  const rows: ScaleSupportRows = { ticket: 0, customer_access: 0 };
  await inScaleChunks(db, spec, async (from, to) => {
    rows.customer_access += await insertScaleCustomerAccess(db, spec, from, to);
    const tickets = await db.query(
      `insert into ticket (id, number, customer_id, subject, priority, status, opened_at, resolved_at, channel, created_at, updated_at)
       select ${scaleIdSql('ticket', '2 * c.n + t.k - 1')}, 'SC-' || c.n || '-' || t.k, c.customer_id,
              case t.k when 1 then 'Delivery question ' || c.n else 'Invoice copy ' || c.n end,
              (array['LOW','NORMAL','HIGH','URGENT'])[1 + c.n % 4],
              case when t.k = 1 and c.n % 2 = 0 then 'OPEN' when t.k = 1 then 'RESOLVED' else 'CLOSED' end,
              now() - ((c.n % 60) + t.k) * interval '1 day',
              case when t.k = 1 and c.n % 2 = 0 then null else now() - (c.n % 60) * interval '1 day' end,
              (array['EMAIL','PHONE','WEB'])[1 + c.n % 3], now(), now()
         from ${SCALE_CUSTOMERS_SQL} cross join (values (1), (2)) as t(k)`,
      scaleParams(spec, from, to),
    );
    rows.ticket += tickets.rowCount ?? 0;
  });
  return rows;
}
