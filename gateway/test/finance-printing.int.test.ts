import { randomUUID } from 'node:crypto';
import { formatDecimalString } from '@rapport/print';
import { readPdf } from '@rapport/print/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// Finance's printed invoices and credit notes through the gateway and over real Kafka: the admin
// sets the company profile (identity announces it; finance copies it), a rep's customer and its
// billing address come from customers' events, the accountant issues an invoice and a credit note,
// and the PDFs the gateway relays say what GraphQL says; a rep who does not own the customer gets 404.

let system: TestSystem;
let accountant = '';
let rep = '';
let otherRep = '';
let customerId = '';
let invoice = { id: '', number: '', pdfPath: '', lineId: '' };
const eur = (amount: string): string => `${formatDecimalString(amount, 'en-GB', 2)} EUR`;

const get = (token: string | null, path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${system.baseUrl}${path}`, { ...init, headers: token ? { authorization: `Bearer ${token}` } : {} });

const pdfText = async (response: Response): Promise<string> => (await readPdf(new Uint8Array(await response.arrayBuffer()))).pages.join('\n');

beforeAll(async () => {
  system = await startTestSystem('finance-printing');
  accountant = (await system.createUser({ email: 'fritz.fin.print@rapport.example', role: 'ACCOUNTANT' })).token;
  rep = (await system.createUser({ email: 'rosa.fin.print@rapport.example', role: 'SALES_REP' })).token;
  otherRep = (await system.createUser({ email: 'otto.fin.print@rapport.example', role: 'SALES_REP' })).token;
}, 240_000);
afterAll(async () => system?.stop());

/** What the gateway answers for an issued invoice: enough to check its PDF against. */
type IssuedInvoice = {
  taxes: { taxRate: string; net: { amount: string }; tax: { amount: string } }[];
  total: { amount: string };
  lines: { id: string }[];
} & Record<'id' | 'number' | 'dueDate' | 'pdfPath', string>;

describe('printed invoices and credit notes through the gateway', () => {
  it("prints the accountant's invoice with the company, the customer's billing address, lines, totals per tax rate and due date", async () => {
    await system.must(system.adminToken, 'mutation($i: UpdateCompanyProfileInput!) { updateCompanyProfile(input: $i) { version } }', {
      i: { name: 'Elbe Ledger AG', street: 'Brooktorkai 1', postalCode: '20457', city: 'Hamburg', country: 'DE', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' },
    });
    customerId = (await system.must<{ createCustomer: { id: string } }>(rep, 'mutation { createCustomer(input: { name: "Brise Reederei GmbH", kind: COMPANY }) { id } }'))
      .createCustomer.id;
    await system.must(rep, 'mutation($i: AddAddressInput!) { addAddress(input: $i) { id } }', {
      i: { customerId, kind: 'BILLING', street: 'Strandkai 17', postalCode: '23570', city: 'Travemünde', country: 'DE' },
    });
    const issued = (
      await system.mustOnceCustomerKnown<{ issueFreeInvoice: IssuedInvoice }>(
        accountant,
        `mutation($i: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $i) {
           taxes { taxRate net { amount } tax { amount } } total { amount } lines { id } id number dueDate pdfPath } }`,
        {
          i: {
            customerId,
            currency: 'EUR',
            issueDate: '2026-12-01',
            paymentTermsDays: 14,
            lines: [
              { description: 'Hull survey', quantity: '2', unitPrice: '980.00', discountPercent: '2.5', taxRate: '19' },
              { description: 'Survey report, bound', quantity: '4', unitPrice: '12.40', taxRate: '7' },
            ],
          },
        },
      )
    ).issueFreeInvoice;
    invoice = { id: issued.id, number: issued.number, pdfPath: issued.pdfPath, lineId: issued.lines[0]!.id };
    expect(issued.pdfPath).toBe(`/files/finance/invoices/${issued.id}.pdf`);
    expect(issued.dueDate).toBe('2026-12-15');

    // The letterhead and the address arrive by identity's and customers' events: wait until the PDF shows both.
    const text = await waitFor(
      async () => {
        const response = await get(accountant, issued.pdfPath);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/pdf');
        const all = await pdfText(response);
        return all.includes('Strandkai 17') && all.includes('Elbe Ledger AG') ? all : undefined;
      },
      { what: "the invoice PDF to show the company and the customer's billing address" },
    );
    const [high, low] = [issued.taxes.find((t) => t.taxRate === '19')!, issued.taxes.find((t) => t.taxRate === '7')!];
    for (const expected of [
      `Invoice ${issued.number}`,
      '15/12/2026',
      'Brise Reederei GmbH',
      '23570 Travemünde',
      'Brooktorkai 1',
      'IBAN DE89 3704 0044 0532 0130 00',
      'Hull survey',
      '1,911.00',
      'Survey report, bound',
      'Net at 19 %',
      'Net at 7 %',
      eur(high.net.amount),
      eur(high.tax.amount),
      eur(low.net.amount),
      eur(low.tax.amount),
      eur(issued.total.amount),
      `quoting ${issued.number}`,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("lets the customer's rep read the invoice PDF and answers 404 to a rep who does not own the customer", async () => {
    expect((await get(rep, invoice.pdfPath)).status).toBe(200);
    expect((await get(otherRep, invoice.pdfPath)).status).toBe(404);
    expect((await get(null, invoice.pdfPath)).status).toBe(401);
    expect((await get(rep, `/files/finance/invoices/${randomUUID()}.pdf`)).status).toBe(404);
  });

  it('prints a credit note against the invoice', async () => {
    const note = (
      await system.must<{ issueCreditNote: { id: string; number: string; pdfPath: string; grossTotal: { amount: string } } }>(
        accountant,
        'mutation($i: IssueCreditNoteInput!) { issueCreditNote(input: $i) { id number pdfPath grossTotal { amount } } }',
        { i: { invoiceId: invoice.id, reason: 'PRICE_CORRECTION', lines: [{ invoiceLineId: invoice.lineId, quantity: '1' }] } },
      )
    ).issueCreditNote;
    const response = await get(accountant, note.pdfPath);
    expect(response.status).toBe(200);
    const text = await pdfText(response);
    for (const expected of [`Credit note ${note.number}`, invoice.number, 'Brise Reederei GmbH', 'Hull survey', eur(note.grossTotal.amount)]) expect(text).toContain(expected);
    expect((await get(otherRep, note.pdfPath)).status).toBe(404);
  });
});
