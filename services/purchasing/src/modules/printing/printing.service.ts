import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { companyFromProfile, renderPdf, type PrintableDocument, type PrintTaxRate } from '@rapport/print';
import { CatalogueProduct, loadCompanyProfile, sha256Of, type RenderedPdf, type Viewer } from '@rapport/subgraph-kit';
import { PurchaseOrderLine, type IPurchaseOrder, type IPurchaseOrderLine } from '../order/order.entity.js';
import { documentTotals } from '../order/order-totals.js';
import { getPurchaseOrder } from '../order/order.service.js';
import { Supplier } from '../supplier/supplier.entity.js';
import { SupplierAddress } from '../supplier/supplier-contact.entity.js';

/** Which of a supplier's addresses a purchase order is sent to, first found first. */
const ADDRESS_PREFERENCE = ['OFFICE', 'BILLING', 'SHIPPING'] as const;

const isoDate = (value: Date): string => value.toISOString().slice(0, 10);

/** The supplier as the recipient: its name and its office address (else billing, else shipping). */
async function recipientOf(em: SqlEntityManager, supplierId: string): Promise<PrintableDocument['recipient']> {
  const [supplier, addresses] = await Promise.all([
    em.findOne(Supplier, { id: supplierId }),
    em.find(SupplierAddress, { supplierId, deletedAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
  ]);
  const address = [...addresses].sort((a, b) => ADDRESS_PREFERENCE.indexOf(a.kind) - ADDRESS_PREFERENCE.indexOf(b.kind))[0];
  return { name: supplier?.name ?? `Supplier ${supplierId}`, addressLines: address ? [address.street, `${address.postalCode} ${address.city}`, address.country] : [] };
}

/** The totals per tax rate, each rounded as the order's totals are (so they add up to them). */
function byTaxRate(lines: readonly IPurchaseOrderLine[], currency: string): PrintTaxRate[] {
  const rates = [...new Set(lines.map((l) => l.taxRate))];
  return rates.map((rate) => {
    const totals = documentTotals(
      lines.filter((l) => l.taxRate === rate),
      currency,
    );
    return { rate, net: totals.net, tax: totals.tax };
  });
}

/**
 * What a purchase order prints: the company's letterhead, the supplier as recipient, the order's
 * number, date and state, each line with the product's code and unit from the catalogue copy and its
 * expected date, the totals per tax rate, and the supplier's payment terms.
 */
export async function purchaseOrderDocument(em: SqlEntityManager, po: IPurchaseOrder): Promise<PrintableDocument> {
  const lines = await em.find(PurchaseOrderLine, { purchaseOrderId: po.id }, { orderBy: { position: 'asc' } });
  const [profile, recipient, products, supplier] = await Promise.all([
    loadCompanyProfile(em),
    recipientOf(em, po.supplierId),
    em.find(CatalogueProduct, { id: { $in: [...new Set(lines.map((l) => l.productId))] } }),
    em.findOne(Supplier, { id: po.supplierId }),
  ]);
  const productById = new Map(products.map((p) => [p.id, p]));
  const draft = po.status === 'DRAFT' || po.status === 'AWAITING_APPROVAL';
  return {
    title: draft ? 'Purchase order (not approved)' : po.status === 'CANCELLED' ? 'Purchase order (cancelled)' : 'Purchase order',
    number: po.number,
    company: companyFromProfile(profile),
    recipient,
    fields: [
      { label: 'Order date', value: isoDate(po.approvedAt ?? po.submittedAt ?? po.createdAt), format: 'date' },
      ...(supplier ? [{ label: 'Payment terms', value: `${supplier.paymentTermsDays} days net` }] : []),
    ],
    introduction: 'Please supply the following at the prices and by the dates stated, quoting our order number on delivery note and invoice.',
    currency: po.currency,
    lines: lines.map((line, i) => ({
      position: i + 1,
      product: productById.get(line.productId)?.sku ?? line.productId.slice(0, 8),
      description: line.expectedDate ? `${line.description} — expected ${line.expectedDate}` : line.description,
      quantity: line.quantity,
      unit: productById.get(line.productId)?.unit ?? null,
      unitPrice: line.unitPrice,
      net: line.netAmount,
    })),
    totals: { byTaxRate: byTaxRate(lines, po.currency), net: po.netTotal, tax: po.taxTotal, gross: po.grossTotal },
    terms: profile?.defaultTerms ?? null,
    createdAt: po.approvedAt ?? po.updatedAt,
  };
}

/** The PDF of a purchase order the viewer may read, rendered from the order as it stands; NOT_FOUND otherwise. */
export async function purchaseOrderPdf(em: SqlEntityManager, viewer: Viewer, id: string): Promise<RenderedPdf> {
  const po = await getPurchaseOrder(em, viewer, id);
  const pdf = await renderPdf(await purchaseOrderDocument(em, po));
  return { fileName: `Purchase order ${po.number}.pdf`, pdf, sha256: sha256Of(pdf) };
}
