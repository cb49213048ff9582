import { randomUUID } from 'node:crypto';
import { CompanyProfileChangedV1, createEvent, CustomerAddressChangedV1, type CloudEvent } from '@rapport/contracts';
import { formatDecimalString } from '@rapport/print';
import { readPdf } from '@rapport/print/testing';
import { testToken, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { aRep, customerOf, handledBy, useFinanceSubgraph } from '../../testing.js';

// Finance's printed invoices and credit notes, through its own HTTP routes: what the PDF says
// (number, dates, lines, totals per tax rate, company, recipient) and who may fetch it.

const [owner, stranger] = [aRep(), aRep()];
const customerId = randomUUID();
const profileId = randomUUID();

const handled = (event: CloudEvent): Promise<void> => handledBy(subgraph, event);

const subgraph = useFinanceSubgraph({
  kafka: true,
  seed: async () => {
    await handled(
      createEvent(CompanyProfileChangedV1, profileId, {
        profileId,
        version: 1,
        name: 'Kontor Billing GmbH',
        street: 'Speicherstadt 3',
        postalCode: '20457',
        city: 'Hamburg',
        country: 'DE',
        email: 'billing@kontor.example',
        phone: null,
        website: null,
        vatId: 'DE987654321',
        taxNumber: null,
        iban: 'DE02120300000000202051',
        bic: 'BYLADEM1001',
        bankName: 'DKB',
        headerText: null,
        footerText: null,
        defaultTerms: 'Thank you for your business.',
        logo: null,
        changedFields: ['name'],
        changedAt: new Date().toISOString(),
      }),
    );
    await customerOf(subgraph, owner, customerId, 'Seehafen Handel KG');
    await handled(
      createEvent(CustomerAddressChangedV1, customerId, {
        customerId,
        addressId: randomUUID(),
        change: 'ADDED',
        address: { kind: 'BILLING', street: 'Am Kai 9', postalCode: '18055', city: 'Rostock', region: null, country: 'DE', deletedAt: null },
        changedAt: new Date().toISOString(),
      }),
    );
  },
});

const get = async (path: string, principal: TestPrincipal | null = owner, init: RequestInit = {}): Promise<Response> =>
  fetch(`${new URL(subgraph.url).origin}${path}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string> | undefined), ...(principal ? { authorization: `Bearer ${await testToken(principal)}` } : {}) },
  });

const textOf = async (response: Response): Promise<string> => (await readPdf(new Uint8Array(await response.arrayBuffer()))).pages.join('\n');
const eur = (amount: string): string => `${formatDecimalString(amount, 'en-GB', 2)} EUR`;

interface Issued {
  id: string;
  number: string;
  dueDate: string;
  pdfPath: string;
  lines: { id: string }[];
  netTotal: { amount: string };
  taxTotal: { amount: string };
  total: { amount: string };
  taxes: { taxRate: string; net: { amount: string }; tax: { amount: string } }[];
}

async function anInvoice(): Promise<Issued> {
  const issued = await subgraph.must<{ issueFreeInvoice: Issued }>(
    `mutation($input: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $input) {
       id number dueDate pdfPath lines { id } netTotal { amount } taxTotal { amount } total { amount } taxes { taxRate net { amount } tax { amount } } } }`,
    {
      input: {
        customerId,
        currency: 'EUR',
        issueDate: '2026-11-02',
        paymentTermsDays: 21,
        lines: [
          { description: 'Harbour crane inspection', quantity: '3', unitPrice: '410.50', discountPercent: '5', taxRate: '19' },
          { description: 'Technical manual, printed', quantity: '12.5', unitPrice: '3.99', taxRate: '7' },
        ],
      },
    },
  );
  return issued.issueFreeInvoice;
}

describe('printed invoices and credit notes', () => {
  it('prints an invoice with its number, due date, lines, totals per tax rate, company and customer address', async () => {
    const invoice = await anInvoice();
    expect(invoice.pdfPath).toBe(`/files/finance/invoices/${invoice.id}.pdf`);
    expect(invoice.dueDate).toBe('2026-11-23');
    const response = await get(`/print/invoices/${invoice.id}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`Invoice ${invoice.number}.pdf`);
    const text = await textOf(response);
    const rate19 = invoice.taxes.find((t) => t.taxRate === '19')!;
    const rate7 = invoice.taxes.find((t) => t.taxRate === '7')!;
    for (const expected of [
      `Invoice ${invoice.number}`,
      '23/11/2026',
      'Seehafen Handel KG',
      'Am Kai 9',
      '18055 Rostock',
      'Kontor Billing GmbH',
      'Speicherstadt 3',
      'IBAN DE02 1203 0000 0000 2020 51',
      'Harbour crane inspection',
      'Technical manual, printed',
      '12.5',
      '1,169.93',
      'Net at 19 %',
      'Net at 7 %',
      eur(rate19.net.amount),
      eur(rate19.tax.amount),
      eur(rate7.net.amount),
      eur(rate7.tax.amount),
      eur(invoice.netTotal.amount),
      eur(invoice.taxTotal.amount),
      eur(invoice.total.amount),
      `Payment within 21 days net. Please pay by the due date, quoting ${invoice.number}.`,
    ]) {
      expect(text).toContain(expected);
    }
    const etag = response.headers.get('etag')!;
    // The same issued invoice prints the same bytes: a client holding them gets 304.
    expect((await get(`/print/invoices/${invoice.id}.pdf`, owner, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('prints a credit note naming the invoice it corrects, with its own totals', async () => {
    const invoice = await anInvoice();
    const note = (
      await subgraph.must<{ issueCreditNote: { id: string; number: string; pdfPath: string; grossTotal: { amount: string } } }>(
        'mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { id number pdfPath grossTotal { amount } } }',
        { input: { invoiceId: invoice.id, reason: 'PRICE_CORRECTION', lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: '1' }] } },
      )
    ).issueCreditNote;
    expect(note.pdfPath).toBe(`/files/finance/credit-notes/${note.id}.pdf`);
    const response = await get(note.pdfPath.replace('/files/finance', '/print'));
    expect(response.status).toBe(200);
    const text = await textOf(response);
    for (const expected of [`Credit note ${note.number}`, invoice.number, 'price correction', 'Harbour crane inspection', 'Seehafen Handel KG', eur(note.grossTotal.amount)]) {
      expect(text).toContain(expected);
    }
  });

  it('answers 401 without a token, 404 for unknown ids and for what the caller may not see, 403 to support', async () => {
    const invoice = await anInvoice();
    expect((await get(`/print/invoices/${invoice.id}.pdf`, null)).status).toBe(401);
    expect((await get(`/print/invoices/${randomUUID()}.pdf`)).status).toBe(404);
    expect((await get(`/print/credit-notes/${randomUUID()}.pdf`)).status).toBe(404);
    expect((await get('/print/invoices/not-an-id.pdf')).status).toBe(400);
    const hidden = await get(`/print/invoices/${invoice.id}.pdf`, stranger);
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
    expect((await get(`/print/invoices/${invoice.id}.pdf`, { role: 'SUPPORT_AGENT' })).status).toBe(403);
    expect((await get(`/print/invoices/${invoice.id}.pdf`, owner, { method: 'DELETE' })).status).toBe(405);
  });
});
