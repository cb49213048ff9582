import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { requireUuid, notFound } from '@rapport/errors';
import { companyFromProfile, renderPdf, type PrintableDocument, type PrintTaxRate } from '@rapport/print';
import { CatalogueProduct, loadCompanyProfile, sha256Of, type RenderedPdf, type Viewer } from '@rapport/subgraph-kit';
import { PurchaseOrderLine, type IPurchaseOrder, type IPurchaseOrderLine } from '../order/order.entity.js';
import { documentTotals } from '../order/order-totals.js';
import { getPurchaseOrder } from '../order/order.service.js';
import { PurchaseInquiry, PurchaseInquirySupplier } from '../inquiry/inquiry.entity.js';
import { inquiryLines } from '../inquiry/inquiry.service.js';
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

/**
 * The letter asking one supplier of an inquiry for its prices (the RFQ it is sent): the company's
 * letterhead, the supplier as recipient, the inquiry's number, date and reply-by day, each line with
 * the product's code and unit from the catalogue copy and the quantity asked — no prices — and the
 * inquiry's note. `inquirySupplierId` names the inquiry and the supplier at once.
 */
export async function inquiryLetterDocument(em: SqlEntityManager, inquirySupplierId: string): Promise<{ document: PrintableDocument; number: string; supplierName: string }> {
  const asked = await em.findOne(PurchaseInquirySupplier, { id: requireUuid('id', inquirySupplierId) });
  const inquiry = asked ? await em.findOne(PurchaseInquiry, { id: asked.inquiryId }) : null;
  if (!asked || !inquiry) throw notFound('PurchaseInquiryLetter', inquirySupplierId, 'id');
  const lines = await inquiryLines(em, inquiry.id);
  const [profile, recipient, products, supplier] = await Promise.all([
    loadCompanyProfile(em),
    recipientOf(em, asked.supplierId),
    em.find(CatalogueProduct, { id: { $in: [...new Set(lines.map((l) => l.productId))] } }),
    em.findOne(Supplier, { id: asked.supplierId }),
  ]);
  const productById = new Map(products.map((p) => [p.id, p]));
  const document: PrintableDocument = {
    title: inquiry.status === 'CLOSED' ? 'Request for quotation (closed)' : 'Request for quotation',
    number: inquiry.number,
    company: companyFromProfile(profile),
    recipient,
    fields: [
      { label: 'Date', value: isoDate(inquiry.sentAt), format: 'date' },
      ...(inquiry.respondBy ? [{ label: 'Reply by', value: String(inquiry.respondBy).slice(0, 10), format: 'date' as const }] : []),
      ...(supplier ? [{ label: 'Prices in', value: supplier.currency }] : []),
    ],
    introduction: [
      'Please quote your price per unit net of tax, the tax rate, your lead time and how long your price holds for the following, quoting our inquiry number.',
      inquiry.note,
    ]
      .filter(Boolean)
      .join(' '),
    // No amounts are asked with the letter: XXX is ISO 4217's "no currency".
    currency: 'XXX',
    withPrices: false,
    totals: null,
    lines: lines.map((line, i) => ({
      position: i + 1,
      product: productById.get(line.productId)?.sku ?? line.productId.slice(0, 8),
      description: line.description,
      quantity: line.quantity,
      unit: productById.get(line.productId)?.unit ?? null,
      unitPrice: '0',
      net: '0',
    })),
    terms: profile?.defaultTerms ?? null,
    createdAt: inquiry.sentAt,
  };
  return { document, number: inquiry.number, supplierName: supplier?.name ?? recipient.name };
}

/** The PDF of the letter of an inquiry to one supplier, for a caller the route found allowed to read purchase orders; NOT_FOUND for an unknown id. */
export async function inquiryLetterPdf(em: SqlEntityManager, inquirySupplierId: string): Promise<RenderedPdf> {
  const { document, number, supplierName } = await inquiryLetterDocument(em, inquirySupplierId);
  const pdf = await renderPdf(document);
  return { fileName: `Request for quotation ${number} - ${supplierName}.pdf`, pdf, sha256: sha256Of(pdf) };
}
