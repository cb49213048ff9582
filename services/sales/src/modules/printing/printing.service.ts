import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { QuotationPrintedV1, type EventMetadata } from '@rapport/contracts';
import { companyFromProfile, renderPdf, type PrintableDocument, type PrintLine } from '@rapport/print';
import { isUuid } from '@rapport/errors';
import { CatalogueProduct, loadCompanyProfile, sha256Of } from '@rapport/subgraph-kit';
import { SalesOrderLine, type ISalesOrder } from '../order/order.entity.js';
import { documentTotals } from '../pricing/pricing.js';
import { Quotation, QuotationLine, type IQuotation } from '../quotation/quotation.entity.js';
import { recipientOf, storePrintedQuotation } from './printing.store.js';

/** Where the gateway serves a quotation's and an order's PDF. */
export const quotationPdfPath = (id: string): string => `/files/sales/quotations/${id}.pdf`;
export const orderPdfPath = (id: string): string => `/files/sales/orders/${id}.pdf`;

const isoDate = (value: Date | string): string => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));

/** Product codes and units of the lines' products, from the catalogue copy. */
async function productsOf(em: SqlEntityManager, productIds: readonly string[]): Promise<Map<string, { sku: string; unit: string }>> {
  const products = productIds.length ? await em.find(CatalogueProduct, { id: { $in: [...new Set(productIds)] } }) : [];
  return new Map(products.map((p) => [p.id, { sku: p.sku, unit: p.unit }]));
}

/** A document line as it prints: what the quotation and order lines share. */
interface LineToPrint {
  productId: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
}

/**
 * The parts every printed sales document shares: letterhead, recipient, and the lines numbered
 * from 1 with their products' code and unit from the catalogue copy (`net` gives a line's net amount).
 */
async function common<L extends LineToPrint>(em: SqlEntityManager, customerId: string, lines: readonly L[], net: (line: L) => string) {
  const [profile, recipient, products] = await Promise.all([
    loadCompanyProfile(em),
    recipientOf(em, customerId),
    productsOf(
      em,
      lines.map((l) => l.productId),
    ),
  ]);
  const printLines: PrintLine[] = lines.map((line, i) => ({
    position: i + 1,
    product: products.get(line.productId)?.sku ?? line.productId.slice(0, 8),
    description: line.description,
    quantity: line.quantity,
    unit: products.get(line.productId)?.unit ?? null,
    unitPrice: line.unitPrice,
    discountPercent: line.discountPercent,
    net: net(line),
  }));
  return { profile, company: companyFromProfile(profile), recipient, lines: printLines };
}

/** What a quotation prints: its number, dates, lines, totals per tax rate and terms (its own, else the company's default). */
export async function quotationDocument(em: SqlEntityManager, q: IQuotation): Promise<PrintableDocument> {
  const lines = await em.find(QuotationLine, { quotationId: q.id }, { orderBy: { position: 'asc' } });
  const { profile, company, recipient, lines: printLines } = await common(em, q.customerId, lines, (l) => l.netAmount);
  const taxes = documentTotals(lines, q.currency).taxes;
  return {
    title: 'Quotation',
    number: q.number,
    company,
    recipient,
    fields: [
      { label: 'Date', value: isoDate(q.sentAt ?? q.createdAt), format: 'date' },
      { label: 'Valid until', value: q.validUntil, format: 'date' },
      ...(q.revision > 1 ? [{ label: 'Version', value: String(q.revision) }] : []),
    ],
    currency: q.currency,
    lines: printLines,
    totals: { byTaxRate: taxes.map((t) => ({ rate: t.taxRate, net: t.net, tax: t.tax })), net: q.netTotal, tax: q.taxTotal, gross: q.grossTotal },
    terms: q.terms ?? profile?.defaultTerms ?? null,
    createdAt: q.sentAt ?? q.updatedAt,
  };
}

/** What an order confirmation prints: the order's number and date, the quotation it came from, lines and totals. */
export async function orderDocument(em: SqlEntityManager, order: ISalesOrder): Promise<PrintableDocument> {
  const lines = await em.find(SalesOrderLine, { orderId: order.id }, { orderBy: { position: 'asc' } });
  const { profile, company, recipient, lines: printLines } = await common(em, order.customerId, lines, (l) => l.lineTotal);
  const quotation = order.quotationId ? await em.findOne(Quotation, { id: order.quotationId }, { fields: ['number'] }) : null;
  const taxes = documentTotals(
    lines.map((l) => ({ taxRate: l.taxRate, netAmount: l.lineTotal })),
    order.currency,
  ).taxes;
  return {
    title: 'Order confirmation',
    number: order.number,
    company,
    recipient,
    fields: [{ label: 'Order date', value: isoDate(order.confirmedAt), format: 'date' }, ...(quotation ? [{ label: 'Our quotation', value: quotation.number }] : [])],
    introduction: 'Thank you for your order, which we confirm as follows.',
    currency: order.currency,
    lines: printLines,
    totals: { byTaxRate: taxes.map((t) => ({ rate: t.taxRate, net: t.net, tax: t.tax })), net: order.total, tax: order.taxTotal, gross: order.grossTotal },
    terms: profile?.defaultTerms ?? null,
    createdAt: order.confirmedAt,
  };
}

/**
 * Renders the quotation as it is being sent and stores that PDF for good, in the sending
 * transaction `tx`, with `sales.quotation.printed.v1` (customers files it with the customer's
 * documents). Called by sendQuotation after the quotation turned SENT.
 */
export async function printSentQuotation(tx: SqlEntityManager, q: IQuotation, meta: EventMetadata): Promise<void> {
  const pdf = await renderPdf(await quotationDocument(tx, q));
  const printed = {
    quotationId: q.id,
    number: q.number,
    fileName: `Quotation ${q.number}.pdf`,
    sizeBytes: pdf.length,
    sha256: sha256Of(pdf),
    pdf,
    printedBy: meta.actor && isUuid(meta.actor) ? meta.actor : null,
    printedAt: q.sentAt ?? new Date(),
  };
  await storePrintedQuotation(tx, printed);
  publish(
    tx,
    QuotationPrintedV1,
    q.id,
    {
      quotationId: q.id,
      customerId: q.customerId,
      number: q.number,
      fileName: printed.fileName,
      contentType: 'application/pdf',
      sizeBytes: printed.sizeBytes,
      sha256: printed.sha256,
      downloadPath: quotationPdfPath(q.id),
      printedBy: printed.printedBy,
      printedAt: printed.printedAt.toISOString(),
    },
    meta,
  );
}
