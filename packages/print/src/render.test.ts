import { describe, expect, it } from 'vitest';
import type { PrintableDocument, PrintLine } from './document.js';
import { formatDecimalString } from './format.js';
import { isPrintableImage, renderPdf } from './render.js';
import { readPdf, solidPng } from './testing.js';

const company = {
  name: 'Rapport Pumps GmbH',
  addressLines: ['Hafenstraße 12', '20457 Hamburg', 'Germany'],
  vatId: 'DE123456789',
  taxNumber: '27/123/45678',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
  bankName: 'Commerzbank',
  headerText: 'Pumps and spare parts since 1971',
  footerText: 'Managing director: Jana Berg · Register court Hamburg HRB 12345',
  logo: { contentType: 'image/png' as const, data: solidPng(40, 20) },
};

const line = (n: number, overrides: Partial<PrintLine> = {}): PrintLine => ({
  position: n,
  product: `P-${String(n).padStart(4, '0')}`,
  description: `Centrifugal pump model ${n}`,
  quantity: '2.5',
  unit: 'pc',
  unitPrice: '1290.0000',
  discountPercent: '10.00',
  net: '2902.5000',
  ...overrides,
});

const quotation = (lines: PrintLine[], overrides: Partial<PrintableDocument> = {}): PrintableDocument => ({
  title: 'Quotation',
  number: 'Q-000042',
  locale: 'en-GB',
  company,
  recipient: { name: 'Nordwind Logistics AG', addressLines: ['Kaistraße 4', '24103 Kiel'] },
  fields: [
    { label: 'Date', value: '2026-12-05', format: 'date' },
    { label: 'Valid until', value: '2027-01-04', format: 'date' },
    { label: 'Your reference', value: 'RFQ 77/2026' },
  ],
  currency: 'EUR',
  lines,
  totals: { byTaxRate: [{ rate: '19.00', net: '2902.50', tax: '551.48' }], net: '2902.50', tax: '551.48', gross: '3453.98' },
  terms: 'Payment within 14 days net. Delivery ex works Hamburg.',
  ...overrides,
});

describe('formatDecimalString', () => {
  it('prints the digits given with the locale separators, never through a float', () => {
    expect(formatDecimalString('1234567890123456.7800', 'en-GB', 2)).toBe('1,234,567,890,123,456.78');
    expect(formatDecimalString('1234567890123456.7800', 'de-DE', 2)).toBe('1.234.567.890.123.456,78');
    expect(formatDecimalString('0.1000', 'en-GB', 2)).toBe('0.10');
    expect(formatDecimalString('2.500', 'en-GB')).toBe('2.5');
    expect(formatDecimalString('3.000', 'en-GB')).toBe('3');
    expect(formatDecimalString('-0.00', 'en-GB', 2)).toBe('0.00');
    expect(formatDecimalString('-12.3456', 'en-GB', 2)).toBe('-12.3456');
  });

  it('refuses what is not a decimal string', () => {
    expect(() => formatDecimalString('1e3', 'en-GB')).toThrow(/not a decimal/);
    expect(() => formatDecimalString('12,5', 'en-GB')).toThrow(/not a decimal/);
  });
});

describe('renderPdf', () => {
  it('prints the number, company, recipient, lines and totals of a quotation, and embeds the logo', async () => {
    const pdf = await renderPdf(quotation([line(1)]));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, imagesPerPage, title } = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(title).toBe('Quotation Q-000042');
    for (const expected of [
      'Quotation Q-000042',
      'Rapport Pumps GmbH',
      'Nordwind Logistics AG',
      '24103 Kiel',
      'RFQ 77/2026',
      '05/12/2026',
      '04/01/2027',
      'P-0001',
      'Centrifugal pump model 1',
      '2.5',
      '1,290.00',
      '10 %',
      '2,902.50',
      'Net at 19 %',
      '551.48 EUR',
      '3,453.98 EUR',
      'Payment within 14 days net',
      'VAT ID DE123456789',
      'IBAN DE89370400440532013000',
      'Pumps and spare parts since 1971',
      'Register court Hamburg',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(imagesPerPage[0]).toBe(1);
  });

  it('runs 200 lines over several pages, repeating the heading and numbering the pages', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => line(i + 1, { net: `${i + 1}00.0000` }));
    const { pages, imagesPerPage } = await readPdf(await renderPdf(quotation(lines)));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Unit price');
    });
    const all = pages.join('\n');
    for (let n = 1; n <= 200; n++) expect(all).toContain(`P-${String(n).padStart(4, '0')}`);
    expect(all).toContain('20,000.00');
    expect(pages.at(-1)).toContain('3,453.98 EUR');
    // The logo is on the letterhead only.
    expect(imagesPerPage[0]).toBe(1);
    expect(imagesPerPage.slice(1).every((n) => n === 0)).toBe(true);
  });

  it('prints amounts for the locale and leaves out what is missing', async () => {
    const { pages, imagesPerPage } = await readPdf(await renderPdf(quotation([line(1)], { locale: 'de-DE', company: { name: 'Bare GmbH', addressLines: [] }, terms: null })));
    const text = pages[0]!;
    expect(text).toContain('1.290,00');
    expect(text).toContain('3.453,98 EUR');
    expect(text).toContain('05.12.2026');
    expect(text).not.toContain('Terms');
    expect(text).not.toContain('IBAN');
    expect(imagesPerPage[0]).toBe(0);
  });

  it('prints a document without prices (a delivery note) with quantities only', async () => {
    const { pages } = await readPdf(await renderPdf(quotation([line(1)], { title: 'Delivery note', totals: null, withPrices: false })));
    expect(pages[0]).toContain('Delivery note Q-000042');
    expect(pages[0]).toContain('2.5');
    expect(pages[0]).not.toContain('1,290.00');
    expect(pages[0]).not.toContain('Total');
  });

  it('tells a readable image from a corrupt one, and prints without a logo it cannot read', async () => {
    const good = solidPng(10, 10);
    const corrupt = Buffer.concat([good.subarray(0, 8), Buffer.from('not the rest of a png')]);
    expect(isPrintableImage(good)).toBe(true);
    expect(isPrintableImage(corrupt)).toBe(false);
    expect(isPrintableImage(Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]))).toBe(false);
    const { pages, imagesPerPage } = await readPdf(await renderPdf(quotation([line(1)], { company: { ...company, logo: { contentType: 'image/png', data: corrupt } } })));
    expect(pages[0]).toContain('Rapport Pumps GmbH');
    expect(imagesPerPage[0]).toBe(0);
  });

  it('replaces characters the standard fonts cannot show instead of failing', async () => {
    const { pages } = await readPdf(await renderPdf(quotation([line(1, { description: 'Pumpe 泵 Größe ½ – 5 €' })])));
    expect(pages[0]).toContain('Pumpe ? Größe ½ – 5 €');
  });
});
