import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { formatQuantity, quantityUnits } from '@rapport/errors';
import { companyFromProfile, renderPdf, type PrintableDocument, type PrintField } from '@rapport/print';
import { loadCompanyProfile, recipientOf, sha256Of, SHIPPING_FIRST, type RenderedPdf, type Viewer } from '@rapport/subgraph-kit';
import { Product } from '../product/product.entity.js';
import { Shipment, ShipmentLine, type IShipment } from '../shipment/shipment.entity.js';
import { getShipment } from '../shipment/shipment.service.js';
import { Warehouse } from '../warehouse/warehouse.entity.js';

/** Where the gateway serves a shipping notice's delivery note. */
export const deliveryNotePdfPath = (id: string): string => `/files/inventory/delivery-notes/${id}.pdf`;

const isoDate = (value: Date): string => value.toISOString().slice(0, 10);

/** The order numbers sales announced for `orderIds` (their id where the number never arrived), in the given order. */
async function orderNumbers(em: SqlEntityManager, orderIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(orderIds)];
  const rows = ids.length
    ? await em.execute<{ order_id: string; number: string }[]>('select order_id, number from print_order where order_id = any(?::uuid[])', [`{${ids.join(',')}}`])
    : [];
  const byId = new Map(rows.map((r) => [r.order_id, r.number]));
  return ids.map((id) => byId.get(id) ?? id);
}

/**
 * What is still to follow per order line of a shipped notice: the quantity its backorder notices
 * (taking the unshipped rest, and their own backorders in turn) plan and have not shipped yet.
 */
async function stillToFollow(em: SqlEntityManager, shipmentId: string): Promise<{ rest: Map<string, bigint>; numbers: string[] }> {
  const rows = await em.execute<{ number: string; order_line_id: string | null; planned: string | null }[]>(
    `with recursive chain as (
       select id, number, status from shipment where backorder_of = ?
       union all
       select s.id, s.number, s.status from shipment s join chain c on s.backorder_of = c.id
     )
     select c.number, l.order_line_id, l.planned from chain c left join shipment_line l on l.shipment_id = c.id and c.status = 'PLANNED'
     order by c.number`,
    [shipmentId],
  );
  const rest = new Map<string, bigint>();
  for (const r of rows) if (r.order_line_id && r.planned) rest.set(r.order_line_id, (rest.get(r.order_line_id) ?? 0n) + quantityUnits(r.planned));
  return { rest, numbers: [...new Set(rows.map((r) => r.number))] };
}

/**
 * What a delivery note prints: the notice's number, the ship-to address (the customer's shipping
 * address, else its billing one), the orders it serves, the warehouse, dates, carrier and tracking
 * number, and per order line the quantity — shipped once it left, planned before — with what is
 * still to follow on a backorder and what was not kept. Quantities only, no prices.
 */
export async function deliveryNoteDocument(em: SqlEntityManager, shipment: IShipment): Promise<PrintableDocument> {
  const lines = await em.find(ShipmentLine, { shipmentId: shipment.id }, { orderBy: { createdAt: 'asc', orderId: 'asc', orderLineId: 'asc' } });
  const left = shipment.shippedAt !== null && shipment.shippedAt !== undefined;
  const printed = lines.filter((l) => quantityUnits(left ? l.shipped : l.planned) > 0n || quantityUnits(l.cancelled) > 0n);
  const [profile, recipient, products, warehouse, orders, followUp, backorderOf] = await Promise.all([
    loadCompanyProfile(em),
    recipientOf(em, shipment.customerId, SHIPPING_FIRST),
    em.find(Product, { id: { $in: [...new Set(printed.map((l) => l.productId))] } }, { filters: false }),
    shipment.warehouseId ? em.findOne(Warehouse, { id: shipment.warehouseId }) : null,
    orderNumbers(
      em,
      printed.map((l) => l.orderId),
    ),
    left ? stillToFollow(em, shipment.id) : null,
    shipment.backorderOf ? em.findOne(Shipment, { id: shipment.backorderOf }, { fields: ['number'] }) : null,
  ]);
  const productOf = new Map(products.map((p) => [p.id, p]));
  const fields: PrintField[] = [
    { label: left ? 'Shipped' : 'Planned', value: isoDate(shipment.shippedAt ?? shipment.plannedAt), format: 'date' },
    ...(shipment.deliveredAt ? [{ label: 'Delivered', value: isoDate(shipment.deliveredAt), format: 'date' as const }] : []),
    ...(!left && shipment.plannedFor ? [{ label: 'Planned for', value: String(shipment.plannedFor).slice(0, 10), format: 'date' as const }] : []),
    { label: orders.length > 1 ? 'Your orders' : 'Your order', value: orders.join(', ') },
    ...(warehouse ? [{ label: 'From warehouse', value: warehouse.name }] : []),
    ...(shipment.carrier ? [{ label: 'Carrier', value: shipment.carrier }] : []),
    ...(shipment.trackingNumber ? [{ label: 'Tracking no.', value: shipment.trackingNumber }] : []),
    ...(backorderOf ? [{ label: 'Backorder of', value: backorderOf.number }] : []),
    ...(followUp?.numbers.length ? [{ label: 'Backorder', value: followUp.numbers.join(', ') }] : []),
  ];
  return {
    title: 'Delivery note',
    number: shipment.number,
    company: companyFromProfile(profile),
    recipient,
    fields,
    introduction: left ? 'We delivered the following goods.' : 'The following goods are planned to be delivered.',
    // No amounts are printed on a delivery note: XXX is ISO 4217's "no currency".
    currency: 'XXX',
    withPrices: false,
    totals: null,
    lines: printed.map((line, i) => {
      const product = productOf.get(line.productId);
      const rest = followUp?.rest.get(line.orderLineId) ?? 0n;
      const notes = [
        ...(rest > 0n ? [`backorder: ${formatQuantity(rest)} to follow`] : []),
        ...(quantityUnits(line.cancelled) > 0n ? [`not delivered: ${formatQuantity(quantityUnits(line.cancelled))}`] : []),
      ];
      return {
        position: i + 1,
        product: product?.sku ?? line.productId.slice(0, 8),
        description: [product?.name ?? '', ...notes].filter(Boolean).join(' — '),
        quantity: formatQuantity(quantityUnits(left ? line.shipped : line.planned)),
        unit: product?.unit ?? null,
        unitPrice: '0',
        net: '0',
      };
    }),
    terms: null,
    createdAt: shipment.updatedAt,
  };
}

/** The delivery note of a shipping notice the viewer may see, rendered as the notice stands. NOT_FOUND otherwise. */
export async function deliveryNotePdf(em: SqlEntityManager, viewer: Viewer, id: string): Promise<RenderedPdf> {
  const shipment = await getShipment(em, viewer, id);
  const pdf = await renderPdf(await deliveryNoteDocument(em, shipment));
  return { fileName: `Delivery note ${shipment.number}.pdf`, pdf, sha256: sha256Of(pdf) };
}
