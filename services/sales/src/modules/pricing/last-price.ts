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

/** Key of a customer and product in the maps below. */
export const lastPriceKey = (customerId: string, productId: string): string => `${customerId}:${productId}`;

/**
 * The last order price of each (customer, product) pair asked for, in one query: the line of the
 * most recently confirmed order that was not cancelled (on equal times, the highest order number).
 */
export async function lastPrices(em: SqlEntityManager, pairs: readonly { customerId: string; productId: string }[]): Promise<Map<string, LastPrice>> {
  const result = new Map<string, LastPrice>();
  if (pairs.length === 0) return result;
  const values = pairs.map(() => '(?::uuid, ?::uuid)').join(', ');
  const rows = await em.execute<Row[]>(
    `select distinct on (o.customer_id, l.product_id) o.customer_id, l.product_id, l.unit_price, l.currency, l.discount_percent, o.number, o.confirmed_at
       from sales_order_line l join sales_order o on o.id = l.order_id
      where (o.customer_id, l.product_id) in (${values}) and o.status <> 'CANCELLED'
      order by o.customer_id, l.product_id, o.confirmed_at desc, o.number desc`,
    pairs.flatMap((p) => [p.customerId, p.productId]),
  );
  for (const row of rows) {
    result.set(lastPriceKey(row.customer_id, row.product_id), {
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
