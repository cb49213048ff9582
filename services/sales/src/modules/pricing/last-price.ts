import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { formatDecimal, normaliseAmount, parseDecimal, type Money } from '@rapport/errors';

/** The price and discount of a customer's last order of a product (cancelled orders do not count). */
export interface LastPrice {
  customerId: string;
  productId: string;
  unitPrice: Money;
  discount: string;
  orderNumber: string;
  /** The order's confirmation date (ISO date). */
  date: string;
}

interface Row {
  customer_id: string;
  product_id: string;
  unit_price: string;
  currency: string;
  discount_percent: string;
  number: string;
  confirmed_at: Date;
}

/** What a last price is asked for: a customer and product, and (for an order's own line) only orders confirmed before `before`. */
export interface LastPriceQuery {
  customerId: string;
  productId: string;
  before?: Date | null;
}

/** Key of a question in the map below. */
export const lastPriceKey = (customerId: string, productId: string, before: Date | null = null): string => `${customerId}:${productId}:${before?.toISOString() ?? ''}`;

/**
 * The last order price for each question, in one query: the line of the most recently confirmed
 * order of the customer for the product that was not cancelled (on equal times, the highest order
 * number), confirmed before `before` when given.
 */
export async function lastPrices(em: SqlEntityManager, queries: readonly LastPriceQuery[]): Promise<Map<string, LastPrice>> {
  const result = new Map<string, LastPrice>();
  if (queries.length === 0) return result;
  const values = queries.map(() => '(?::int, ?::uuid, ?::uuid, ?::timestamptz)').join(', ');
  const rows = await em.execute<(Row & { i: number })[]>(
    `select k.i, k.customer_id, k.product_id, x.unit_price, x.currency, x.discount_percent, x.number, x.confirmed_at
       from (values ${values}) as k (i, customer_id, product_id, before)
       cross join lateral (
         select l.unit_price, l.currency, l.discount_percent, o.number, o.confirmed_at
           from sales_order_line l join sales_order o on o.id = l.order_id
          where o.customer_id = k.customer_id and l.product_id = k.product_id and o.status <> 'CANCELLED' and (k.before is null or o.confirmed_at < k.before)
          order by o.confirmed_at desc, o.number desc
          limit 1
       ) x`,
    queries.flatMap((q, i) => [i, q.customerId, q.productId, q.before?.toISOString() ?? null]),
  );
  for (const row of rows) {
    const q = queries[row.i]!;
    result.set(lastPriceKey(q.customerId, q.productId, q.before ?? null), {
      customerId: row.customer_id,
      productId: row.product_id,
      unitPrice: { amount: normaliseAmount(row.unit_price), currency: row.currency },
      discount: formatDecimal(parseDecimal('discount', row.discount_percent, 2), 2),
      orderNumber: row.number,
      date: new Date(row.confirmed_at).toISOString().slice(0, 10),
    });
  }
  return result;
}
