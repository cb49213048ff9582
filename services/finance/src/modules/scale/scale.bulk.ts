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

// Finance's part of the scale data set (issue 15 item 5; `@rapport/subgraph-kit`'s scale.ts says how
// customer n's rows follow from n): per customer one invoice of its sales order's one line (issued
// 40–70 days ago, due 14 days later) and one payment — a quarter of the total for even n (the invoice
// PARTIALLY_PAID and overdue), the whole for odd n (PAID) — and finance's read copies, as its
// consumers of `customers.customer.created.v1` and `sales.order.confirmed.v2` would have them:
// `customer_access`, `sales_order` and `order_line`.

/** Rows written per table. */
export type ScaleFinanceRows = Record<'customer_access' | 'sales_order' | 'order_line' | 'invoice' | 'invoice_line' | 'payment', number>;

const TOTAL = `${SCALE_QUANTITY_SQL} * ${SCALE_PRICE_SQL}`;
/** What customer n has paid: a quarter (rounded to the cent) for even n, everything for odd n. */
const PAID = `case when c.n % 2 = 0 then round(${TOTAL} / 4, 2) else ${TOTAL} end`;
const ISSUED = `current_date - (c.n % 30 + 40)::int`;

/** Writes the scale order copies, invoices, their lines and payments, and `customer_access` rows (chunk by chunk). */
export async function loadScaleFinance(db: SqlRunner, spec: ScaleSpec): Promise<ScaleFinanceRows> {
  const rows: ScaleFinanceRows = { customer_access: 0, sales_order: 0, order_line: 0, invoice: 0, invoice_line: 0, payment: 0 };
  const count = (result: { rowCount: number | null }): number => result.rowCount ?? 0;
  await inScaleChunks(db, spec, async (from, to) => {
    const params = scaleParams(spec, from, to);
    const withProducts = [...params, scaleProductsParam(spec)];
    rows.customer_access += await insertScaleCustomerAccess(db, spec, from, to);
    rows.sales_order += count(
      await db.query(
        `insert into sales_order (id, customer_id, number, currency, confirmed_at, created_at, updated_at)
         select ${scaleIdSql('order')}, c.customer_id, 'SC-' || lpad(c.n::text, 7, '0'), 'EUR', now() - (c.n % 60 + 50) * interval '1 day', now(), now()
           from ${SCALE_CUSTOMERS_SQL}`,
        params,
      ),
    );
    rows.order_line += count(
      await db.query(
        `insert into order_line (id, order_id, position, product_id, quantity, cancelled_quantity, unit_price, discount_percent, tax_rate, created_at, updated_at)
         select ${scaleIdSql('order-line')}, ${scaleIdSql('order')}, 1, ${SCALE_PRODUCT_SQL}, ${SCALE_QUANTITY_SQL}, 0, ${SCALE_PRICE_SQL}, 0, 0, now(), now()
           from ${SCALE_CUSTOMERS_SQL}`,
        withProducts,
      ),
    );
    rows.invoice += count(
      await db.query(
        `insert into invoice (id, number, customer_id, order_id, issue_date, due_date, currency, total, net_total, tax_total, amount_paid, amount_credited,
                              status, kind, payment_terms_days, created_at, updated_at)
         select ${scaleIdSql('invoice')}, 'SC-INV-' || lpad(c.n::text, 7, '0'), c.customer_id, ${scaleIdSql('order')}, ${ISSUED}, ${ISSUED} + 14,
                'EUR', ${TOTAL}, ${TOTAL}, 0, ${PAID}, 0, case when c.n % 2 = 0 then 'PARTIALLY_PAID' else 'PAID' end, 'STANDARD', 14, now(), now()
           from ${SCALE_CUSTOMERS_SQL}`,
        params,
      ),
    );
    rows.invoice_line += count(
      await db.query(
        `insert into invoice_line (id, invoice_id, position, order_line_id, product_id, description, quantity, unit_price, discount_percent, tax_rate, net_amount, basis, created_at)
         select ${scaleIdSql('invoice-line')}, ${scaleIdSql('invoice')}, 1, ${scaleIdSql('order-line')}, ${SCALE_PRODUCT_SQL}, 'Scale product',
                ${SCALE_QUANTITY_SQL}, ${SCALE_PRICE_SQL}, 0, 0, ${TOTAL}, 'ORDERED', now()
           from ${SCALE_CUSTOMERS_SQL}`,
        withProducts,
      ),
    );
    rows.payment += count(
      await db.query(
        `insert into payment (id, invoice_id, amount, currency, paid_on, customer_id, method, account, reference, amount_allocated, created_at, updated_at)
         select ${scaleIdSql('payment')}, ${scaleIdSql('invoice')}, ${PAID}, 'EUR', ${ISSUED} + 10, c.customer_id, 'BANK_TRANSFER', 'BANK',
                'SC-PAY-' || c.n, ${PAID}, now(), now()
           from ${SCALE_CUSTOMERS_SQL}`,
        params,
      ),
    );
  });
  return rows;
}
