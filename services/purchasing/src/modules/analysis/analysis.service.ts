import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput, formatAmount, formatQuantity, parseAmount, quantityUnits, requireIsoDate, requireUuid } from '@rapport/errors';
import type { DatedAmount, Viewer } from '@rapport/subgraph-kit';

/** Spend: the net of bills that are payable (registered), by supplier, product or month, in each currency. */
export interface SpendRow {
  supplierId: string | null;
  productId: string | null;
  month: string | null;
  currency: string;
  net: string;
  quantity: string | null;
  /** The net per currency and bill date, for `netInBase`. */
  netByDay: DatedAmount[];
}

export type SpendGrouping = 'SUPPLIER' | 'PRODUCT' | 'MONTH';

function period(from: string | null | undefined, to: string | null | undefined): [string, string] {
  const start = from ? requireIsoDate('from', from) : '0001-01-01';
  const end = to ? requireIsoDate('to', to) : '9999-12-31';
  if (end < start) throw badInput('to', 'to must not be before from', 'INVALID_PERIOD');
  return [start, end];
}

/**
 * Spend per supplier, product or month (of the bill date) within [from, to], per currency, from
 * registered bills' lines: exact sums in SQL numeric, largest first (months in order).
 */
export async function spend(em: SqlEntityManager, viewer: Viewer, by: SpendGrouping, from: string | null | undefined, to: string | null | undefined): Promise<SpendRow[]> {
  const [start, end] = period(from, to);
  const key = by === 'SUPPLIER' ? 'b.supplier_id::text' : by === 'PRODUCT' ? 'l.product_id::text' : `to_char(b.bill_date, 'YYYY-MM')`;
  // Per bill date too, so each day's spend converts to base at its own rate (`netInBase`).
  const days = await em.execute<{ key: string; currency: string; day: string; net: string; quantity: string }[]>(
    `select ${key} as key, b.currency, b.bill_date::text as day, sum(l.net_amount) as net, sum(l.quantity) as quantity
       from supplier_bill b join supplier_bill_line l on l.bill_id = b.id
      where b.status = 'REGISTERED' and b.bill_date between ?::date and ?::date
      group by 1, 2, 3`,
    [start, end],
  );
  const rows = new Map<string, { key: string; currency: string; net: bigint; quantity: bigint; netByDay: DatedAmount[] }>();
  for (const d of days) {
    const id = `${d.key}|${d.currency}`;
    const row = rows.get(id) ?? { key: d.key, currency: d.currency, net: 0n, quantity: 0n, netByDay: [] };
    row.net += parseAmount('net', d.net);
    row.quantity += quantityUnits(d.quantity);
    row.netByDay.push({ amount: d.net, currency: d.currency.trim(), day: d.day });
    rows.set(id, row);
  }
  const byKey = (a: { key: string; currency: string }, b: { key: string; currency: string }): number =>
    (a.key ?? '').localeCompare(b.key ?? '') || a.currency.localeCompare(b.currency);
  const ordered = [...rows.values()].sort(by === 'MONTH' ? byKey : (a, b) => (a.net === b.net ? byKey(a, b) : a.net > b.net ? -1 : 1));
  return ordered.map((r) => ({
    supplierId: by === 'SUPPLIER' ? r.key : null,
    productId: by === 'PRODUCT' ? r.key : null,
    month: by === 'MONTH' ? r.key : null,
    currency: r.currency,
    net: formatAmount(r.net),
    quantity: by === 'PRODUCT' ? formatQuantity(r.quantity) : null,
    netByDay: r.netByDay,
  }));
}

export interface PricePoint {
  supplierId: string;
  purchaseOrderId: string;
  purchaseOrderNumber: string;
  day: string;
  unitPrice: string;
  currency: string;
  quantity: string;
}

/** The prices a product was ordered at (approved orders, by approval day), oldest first; of one supplier when given. */
export async function priceHistory(em: SqlEntityManager, viewer: Viewer, productId: string, supplierId: string | null | undefined): Promise<PricePoint[]> {
  const product = requireUuid('productId', productId);
  const supplier = supplierId ? requireUuid('supplierId', supplierId) : null;
  const rows = await em.execute<{ supplier_id: string; id: string; number: string; day: string; unit_price: string; currency: string; quantity: string }[]>(
    `select po.supplier_id, po.id, po.number, to_char(po.approved_at at time zone 'UTC', 'YYYY-MM-DD') as day, l.unit_price, l.currency, l.quantity
       from purchase_order po join purchase_order_line l on l.purchase_order_id = po.id
      where l.product_id = ? and po.approved_at is not null and (?::uuid is null or po.supplier_id = ?::uuid)
      order by po.approved_at, po.number, l.position limit 500`,
    [product, supplier, supplier],
  );
  return rows.map((r) => ({
    supplierId: r.supplier_id,
    purchaseOrderId: r.id,
    purchaseOrderNumber: r.number,
    day: r.day,
    unitPrice: r.unit_price,
    currency: r.currency,
    quantity: r.quantity,
  }));
}

export interface DeliveryPerformance {
  supplierId: string;
  /** Order lines with an expected date that were received in full. */
  delivered: number;
  /** Of them, received in full on or before the expected date. */
  onTime: number;
}

/**
 * On-time delivery per supplier: among lines of approved orders with an expected date received in
 * full (by their last receipt), how many were complete on or before that date.
 */
export async function deliveryPerformance(em: SqlEntityManager, viewer: Viewer): Promise<DeliveryPerformance[]> {
  const rows = await em.execute<{ supplier_id: string; delivered: number; on_time: number }[]>(
    `with complete as (
       select po.supplier_id, l.id, l.expected_date, max(r.received_at) as done
         from purchase_order po
         join purchase_order_line l on l.purchase_order_id = po.id
         join purchase_receipt_line r on r.purchase_order_line_id = l.id
        where po.approved_at is not null and l.expected_date is not null and l.received_quantity >= l.quantity - l.cancelled_quantity
        group by po.supplier_id, l.id, l.expected_date
     )
     select supplier_id, count(*)::int as delivered, (count(*) filter (where (done at time zone 'UTC')::date <= expected_date))::int as on_time
       from complete group by supplier_id order by supplier_id`,
  );
  return rows.map((r) => ({ supplierId: r.supplier_id, delivered: r.delivered, onTime: r.on_time }));
}
