import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { parseAmount } from '@rapport/errors';
import { companyFromProfile, renderPdf, type PrintableDocument, type PrintField, type PrintLine } from '@rapport/print';
import { loadCompanyProfile, recipientOf, sha256Of, type RenderedPdf, type Viewer } from '@rapport/subgraph-kit';
import { CreditNote, CreditNoteLine, CreditNoteTax, type ICreditNote } from '../credit-note/credit-note.entity.js';
import { getCreditNote } from '../credit-note/credit-note.service.js';
import { Invoice, InvoiceLine, InvoiceTax, type IInvoice } from '../invoice/invoice.entity.js';
import { parsePercent } from '../invoice/invoice-math.js';
import { getInvoice } from '../invoice/invoice.service.js';
import type { IReminder } from '../dunning/dunning.entity.js';
import { getReminder } from '../dunning/dunning.service.js';
import { SalesOrder } from '../order-copy/order-copy.entity.js';

/** Where the gateway serves a finance document's PDF. */
export const invoicePdfPath = (id: string): string => `/files/finance/invoices/${id}.pdf`;
export const creditNotePdfPath = (id: string): string => `/files/finance/credit-notes/${id}.pdf`;

/** A billed line as it prints (invoice and credit-note lines alike). */
interface LineToPrint {
  productId?: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  netAmount: string;
}

/** A total per tax rate as stored (invoice and credit-note taxes alike). */
interface TaxToPrint {
  taxRate: string;
  netAmount: string;
  taxAmount: string;
}

/**
 * The parts every printed finance document shares: letterhead, recipient, lines numbered from 1
 * (finance keeps no product catalogue: the product column shows the product id's first block, the
 * description what was billed), totals per tax rate in rate order, and the company's default terms.
 */
async function common(em: SqlEntityManager, customerId: string, lines: readonly LineToPrint[], taxes: readonly TaxToPrint[]) {
  const [profile, recipient] = await Promise.all([loadCompanyProfile(em), recipientOf(em, customerId)]);
  const printLines: PrintLine[] = lines.map((line, i) => ({
    position: i + 1,
    product: line.productId?.slice(0, 8) ?? '',
    description: line.description,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    discountPercent: line.discountPercent,
    net: line.netAmount,
  }));
  const byTaxRate = [...taxes]
    .sort((a, b) => (parsePercent('taxRate', b.taxRate) > parsePercent('taxRate', a.taxRate) ? 1 : -1))
    .map((t) => ({ rate: t.taxRate, net: t.netAmount, tax: t.taxAmount }));
  return { company: companyFromProfile(profile), defaultTerms: profile?.defaultTerms ?? null, recipient, lines: printLines, byTaxRate };
}

/** What an invoice prints: number, dates (issue and due), the order it bills, lines, totals per tax rate, and how to pay. */
export async function invoiceDocument(em: SqlEntityManager, invoice: IInvoice): Promise<PrintableDocument> {
  const [lines, taxes, order] = await Promise.all([
    em.find(InvoiceLine, { invoiceId: invoice.id }, { orderBy: { position: 'asc' } }),
    em.find(InvoiceTax, { invoiceId: invoice.id }),
    invoice.orderId ? em.findOne(SalesOrder, { id: invoice.orderId }, { fields: ['number'] }) : null,
  ]);
  const { company, defaultTerms, recipient, lines: printLines, byTaxRate } = await common(em, invoice.customerId, lines, taxes);
  const fields: PrintField[] = [
    { label: 'Invoice date', value: invoice.issueDate, format: 'date' },
    { label: 'Due date', value: invoice.dueDate, format: 'date' },
    ...(order ? [{ label: 'Our order', value: order.number }] : []),
  ];
  const payBy = `Please pay by the due date, quoting ${invoice.number}.`;
  return {
    title: invoice.kind === 'ADVANCE' ? 'Advance invoice' : invoice.kind === 'OPENING_BALANCE' ? 'Opening balance' : invoice.kind === 'FEE' ? 'Reminder fee invoice' : 'Invoice',
    number: invoice.number,
    company,
    recipient,
    fields,
    currency: invoice.currency,
    lines: printLines,
    totals: { byTaxRate, net: invoice.netTotal, tax: invoice.taxTotal, gross: invoice.total },
    terms: [invoice.paymentTermsDays !== null ? `Payment within ${invoice.paymentTermsDays} days net. ${payBy}` : payBy, defaultTerms].filter(Boolean).join('\n'),
    createdAt: invoice.createdAt,
  };
}

/** What a credit note prints: number, date, the invoice it corrects and why, lines and totals per tax rate. */
export async function creditNoteDocument(em: SqlEntityManager, note: ICreditNote): Promise<PrintableDocument> {
  const [lines, taxes, invoice] = await Promise.all([
    em.find(CreditNoteLine, { creditNoteId: note.id }, { orderBy: { position: 'asc' } }),
    em.find(CreditNoteTax, { creditNoteId: note.id }),
    em.findOne(Invoice, { id: note.invoiceId }, { fields: ['number'] }),
  ]);
  const { company, recipient, lines: printLines, byTaxRate } = await common(em, note.customerId, lines, taxes);
  return {
    title: 'Credit note',
    number: note.number,
    company,
    recipient,
    fields: [
      { label: 'Date', value: note.issueDate, format: 'date' },
      ...(invoice ? [{ label: 'Corrects invoice', value: invoice.number }] : []),
      { label: 'Reason', value: note.reason.replace('_', ' ').toLowerCase() },
    ],
    introduction: invoice ? `We credit you the following against invoice ${invoice.number}.` : null,
    currency: note.currency,
    lines: printLines,
    totals: { byTaxRate, net: note.netTotal, tax: note.taxTotal, gross: note.grossTotal },
    createdAt: note.createdAt,
  };
}

/** The PDF of an invoice the viewer may see, rendered from the issued (immutable) invoice. NOT_FOUND otherwise. */
export async function invoicePdf(em: SqlEntityManager, viewer: Viewer, id: string): Promise<RenderedPdf> {
  const invoice = await getInvoice(em, viewer, id);
  const pdf = await renderPdf(await invoiceDocument(em, invoice));
  return { fileName: `Invoice ${invoice.number}.pdf`, pdf, sha256: sha256Of(pdf) };
}

/** The PDF of a credit note the viewer may see. NOT_FOUND otherwise. */
export async function creditNotePdf(em: SqlEntityManager, viewer: Viewer, id: string): Promise<RenderedPdf> {
  const note = await getCreditNote(em, viewer, id);
  const pdf = await renderPdf(await creditNoteDocument(em, note));
  return { fileName: `Credit note ${note.number}.pdf`, pdf, sha256: sha256Of(pdf) };
}

/**
 * What a reminder letter prints: its number and date, the level, the invoice reminded of with its due
 * date and days overdue, the level's text, and what to pay: the open amount and the fee (untaxed).
 */
export async function reminderDocument(em: SqlEntityManager, reminder: IReminder): Promise<PrintableDocument> {
  const invoice = await em.findOneOrFail(Invoice, { id: reminder.invoiceId }, { fields: ['number'] });
  const { company, recipient } = await common(em, reminder.customerId, [], []);
  const zero = parseAmount('fee', reminder.fee) === 0n;
  const line = (position: number, product: string, description: string, amount: string): PrintLine => ({
    position,
    product,
    description,
    quantity: '1',
    unitPrice: amount,
    net: amount,
  });
  return {
    title: 'Payment reminder',
    number: reminder.number,
    company,
    recipient,
    fields: [
      { label: 'Date', value: reminder.sentOn, format: 'date' },
      { label: 'Reminder level', value: String(reminder.level) },
      { label: 'Invoice', value: invoice.number },
      { label: 'Due date', value: reminder.dueDate, format: 'date' },
      { label: 'Days overdue', value: String(reminder.daysOverdue) },
    ],
    introduction: reminder.text,
    currency: reminder.currency,
    lines: [line(1, '', `Open amount of invoice ${invoice.number}`, reminder.openAmount), ...(zero ? [] : [line(2, '', 'Reminder fee', reminder.fee)])],
    totals: { byTaxRate: [], net: reminder.total, tax: '0', gross: reminder.total },
    terms: `Please pay the total now, quoting ${invoice.number}. If you have paid in the meantime, please disregard this letter.`,
    createdAt: reminder.createdAt,
  };
}

/** The letter of a reminder the viewer may see. NOT_FOUND otherwise. */
export async function reminderPdf(em: SqlEntityManager, viewer: Viewer, id: string): Promise<RenderedPdf> {
  const reminder = await getReminder(em, viewer, id);
  const pdf = await renderPdf(await reminderDocument(em, reminder));
  return { fileName: `Payment reminder ${reminder.number}.pdf`, pdf, sha256: sha256Of(pdf) };
}
