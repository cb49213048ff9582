import { createRequire } from 'node:module';
import type PDFKit from 'pdfkit';
import type { PrintableDocument, PrintLine } from './document.js';
import { formatDate, formatDecimalString, formatMoney } from './format.js';

// pdfkit (with its font and image libraries, ~50 modules) costs about 0.15 s of CPU to load, and only
// printing and a logo upload use it: it is loaded on first use, not when a service starts. Loaded
// synchronously (its CommonJS build) because the logo check is synchronous.
const load = createRequire(import.meta.url);
let pdfkit: typeof PDFKit | undefined;
function newDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  pdfkit ??= load('pdfkit') as typeof PDFKit;
  return new pdfkit(options);
}

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 40, left: 50, right: 50, bottom: 40 };
/** Room kept at the foot of every page for the footer text, the company's ids and bank, and the page number. */
const FOOTER_HEIGHT = 62;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const GREY = '#555555';

/** The characters the standard PDF fonts (WinAnsi) can show: Latin-1 and the Windows-1252 extras. */
const WIN_ANSI_EXTRAS = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);
/** `text` with every character the standard fonts cannot show replaced by "?" (see the README: no embedded Unicode font yet). */
export const printable = (text: string): string =>
  [...text.normalize('NFC')].map((c) => (c === '\n' || (c >= ' ' && c.codePointAt(0)! <= 0xff && !(c >= '\u007f' && c <= '\u009f')) || WIN_ANSI_EXTRAS.has(c) ? c : '?')).join('');

interface Column {
  label: string;
  width: number;
  align: 'left' | 'right';
  cell: (line: PrintLine, doc: PrintableDocument, locale: string) => string;
}

const percent = (value: string | null | undefined, locale: string): string => (value && /[1-9]/.test(value) ? `${formatDecimalString(value, locale)} %` : '');

function columnsFor(input: PrintableDocument): Column[] {
  const position: Column = { label: '#', width: 22, align: 'left', cell: (l) => String(l.position) };
  const quantity = (width: number): Column => ({ label: 'Quantity', width, align: 'right', cell: (l, _d, locale) => formatDecimalString(l.quantity, locale) });
  const unit = (width: number): Column => ({ label: 'Unit', width, align: 'left', cell: (l) => l.unit ?? '' });
  if (input.withPrices === false || !input.totals) {
    return [
      position,
      { label: 'Product', width: 90, align: 'left', cell: (l) => l.product },
      { label: 'Description', width: 253, align: 'left', cell: (l) => l.description },
      quantity(80),
      unit(50),
    ];
  }
  return [
    position,
    { label: 'Product', width: 70, align: 'left', cell: (l) => l.product },
    { label: 'Description', width: 133, align: 'left', cell: (l) => l.description },
    quantity(50),
    unit(35),
    { label: 'Unit price', width: 70, align: 'right', cell: (l, _d, locale) => formatDecimalString(l.unitPrice, locale, 2) },
    { label: 'Disc.', width: 40, align: 'right', cell: (l, _d, locale) => percent(l.discountPercent, locale) },
    { label: 'Net', width: 75, align: 'right', cell: (l, _d, locale) => formatDecimalString(l.net, locale, 2) },
  ];
}

/**
 * Whether the PDF library can read `data` as an image (identity checks an uploaded logo with it, so
 * a logo that passes the type sniffing but is corrupt is refused rather than left out of every print).
 */
export function isPrintableImage(data: Uint8Array): boolean {
  try {
    const probe = newDocument({ size: 'A4' });
    probe.image(Buffer.from(data), 0, 0, { fit: [160, 60] });
    probe.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Renders `input` to a PDF (A4): the letterhead with the logo, the recipient, dates and references,
 * the line table (continued over as many pages as it needs, its heading repeated), totals per tax
 * rate and net/tax/gross, terms, and on every page the footer with the company's ids, bank details
 * and "Page n of m". Amounts are printed from their strings, never through a float.
 */
export async function renderPdf(input: PrintableDocument): Promise<Buffer> {
  const locale = input.locale ?? 'en-GB';
  const company = input.company;
  const doc = newDocument({
    size: 'A4',
    margins: { top: MARGIN.top, left: MARGIN.left, right: MARGIN.right, bottom: MARGIN.bottom + FOOTER_HEIGHT },
    bufferPages: true,
    info: { Title: printable(`${input.title} ${input.number}`), Author: printable(company.name), Creator: 'Rapport', CreationDate: input.createdAt ?? new Date() },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const bottom = (): number => PAGE.height - MARGIN.bottom - FOOTER_HEIGHT;
  const text = (value: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}): void => {
    doc.text(printable(value), x, y, { lineBreak: true, ...options });
  };

  // Letterhead: the logo left, the company's name and address right.
  let headBottom = MARGIN.top;
  if (company.logo) {
    try {
      doc.image(Buffer.from(company.logo.data), MARGIN.left, MARGIN.top, { fit: [160, 60] });
      headBottom = MARGIN.top + 60;
    } catch {
      // A logo the PDF library cannot read (identity refuses those on upload): the document prints without it.
    }
  }
  const right = { x: MARGIN.left + CONTENT_WIDTH / 2, width: CONTENT_WIDTH / 2 };
  doc.font(BOLD).fontSize(12).fillColor('black');
  text(company.name, right.x, MARGIN.top, { width: right.width, align: 'right' });
  doc.font(FONT).fontSize(9).fillColor(GREY);
  const contact = [...company.addressLines, company.phone, company.email, company.website].filter((v): v is string => !!v);
  if (contact.length > 0) text(contact.join('\n'), right.x, doc.y, { width: right.width, align: 'right' });
  headBottom = Math.max(headBottom, doc.y);
  if (company.headerText) {
    text(company.headerText, MARGIN.left, headBottom + 6, { width: CONTENT_WIDTH });
    headBottom = doc.y;
  }
  doc
    .moveTo(MARGIN.left, headBottom + 6)
    .lineTo(PAGE.width - MARGIN.right, headBottom + 6)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();

  // Recipient left (a sender line above it, as window envelopes show it); dates and references right.
  const blockTop = headBottom + 24;
  doc.font(FONT).fontSize(7).fillColor(GREY);
  text([company.name, ...company.addressLines].join(' · '), MARGIN.left, blockTop, { width: 260, height: 10, ellipsis: true });
  doc.font(FONT).fontSize(10).fillColor('black');
  text([input.recipient.name, ...input.recipient.addressLines].join('\n'), MARGIN.left, blockTop + 14, { width: 260 });
  const recipientBottom = doc.y;
  let fieldY = blockTop;
  doc.fontSize(9);
  for (const field of input.fields) {
    const value = field.format === 'date' ? formatDate(field.value, locale) : field.value;
    doc.font(FONT).fillColor(GREY);
    text(`${field.label}`, 330, fieldY, { width: 95 });
    const labelBottom = doc.y;
    doc.font(FONT).fillColor('black');
    text(value, 425, fieldY, { width: PAGE.width - MARGIN.right - 425, align: 'right' });
    fieldY = Math.max(labelBottom, doc.y) + 2;
  }

  // Title and introduction.
  let y = Math.max(recipientBottom, fieldY) + 24;
  doc.font(BOLD).fontSize(16).fillColor('black');
  text(`${input.title} ${input.number}`, MARGIN.left, y, { width: CONTENT_WIDTH });
  y = doc.y + 6;
  if (input.introduction) {
    doc.font(FONT).fontSize(10);
    text(input.introduction, MARGIN.left, y, { width: CONTENT_WIDTH });
    y = doc.y + 6;
  }

  // The line table.
  const columns = columnsFor(input);
  const tableHeader = (at: number): number => {
    doc.font(BOLD).fontSize(8.5).fillColor('black');
    let x = MARGIN.left;
    for (const column of columns) {
      text(column.label, x + 2, at + 3, { width: column.width - 4, align: column.align });
      x += column.width;
    }
    const end = at + 16;
    doc
      .moveTo(MARGIN.left, end)
      .lineTo(PAGE.width - MARGIN.right, end)
      .lineWidth(0.75)
      .strokeColor('black')
      .stroke();
    return end + 3;
  };
  y = tableHeader(y + 4);
  doc.font(FONT).fontSize(8.5);
  for (const line of input.lines) {
    const cells = columns.map((column) => printable(column.cell(line, input, locale)));
    doc.font(FONT).fontSize(8.5);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - 4 }))) + 4;
    if (y + height > bottom()) {
      doc.addPage();
      y = tableHeader(MARGIN.top);
      doc.font(FONT).fontSize(8.5);
    }
    let x = MARGIN.left;
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      doc.text(cell, x + 2, y, { width: column.width - 4, align: column.align });
      x += column.width;
    });
    y += height;
  }
  doc
    .moveTo(MARGIN.left, y)
    .lineTo(PAGE.width - MARGIN.right, y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  y += 8;

  // Totals: per tax rate, then net, tax and gross.
  if (input.totals && input.withPrices !== false) {
    const rows: { label: string; value: string; bold?: boolean }[] = [];
    for (const rate of input.totals.byTaxRate) {
      const r = formatDecimalString(rate.rate, locale);
      rows.push({ label: `Net at ${r} %`, value: formatMoney(rate.net, input.currency, locale) });
      rows.push({ label: `Tax ${r} %`, value: formatMoney(rate.tax, input.currency, locale) });
    }
    rows.push({ label: 'Net total', value: formatMoney(input.totals.net, input.currency, locale), bold: true });
    rows.push({ label: 'Tax total', value: formatMoney(input.totals.tax, input.currency, locale) });
    rows.push({ label: 'Total', value: formatMoney(input.totals.gross, input.currency, locale), bold: true });
    const height = rows.length * 13 + 6;
    if (y + height > bottom()) {
      doc.addPage();
      y = MARGIN.top;
    }
    for (const row of rows) {
      doc
        .font(row.bold ? BOLD : FONT)
        .fontSize(9.5)
        .fillColor('black');
      text(row.label, 300, y, { width: 130 });
      text(row.value, 430, y, { width: PAGE.width - MARGIN.right - 430, align: 'right' });
      y += 13;
    }
    y += 10;
  }

  // Terms (may run over pages; the footer's room is kept by the bottom margin).
  if (input.terms) {
    doc.font(FONT).fontSize(9).fillColor('black');
    const height = doc.heightOfString(printable(input.terms), { width: CONTENT_WIDTH }) + 14;
    if (y + Math.min(height, 60) > bottom()) {
      doc.addPage();
      y = MARGIN.top;
    }
    doc.font(BOLD);
    text('Terms', MARGIN.left, y, { width: CONTENT_WIDTH });
    doc.font(FONT);
    text(input.terms, MARGIN.left, doc.y + 2, { width: CONTENT_WIDTH });
  }

  // The footer on every page: footer text, company ids and bank, "Page n of m".
  const range = doc.bufferedPageRange();
  const ids = [company.name, company.vatId && `VAT ID ${company.vatId}`, company.taxNumber && `Tax no. ${company.taxNumber}`].filter(Boolean).join(' · ');
  const bank = [company.bankName, company.iban && `IBAN ${company.iban}`, company.bic && `BIC ${company.bic}`].filter(Boolean).join(' · ');
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const top = PAGE.height - MARGIN.bottom - FOOTER_HEIGHT + 8;
    doc
      .moveTo(MARGIN.left, top)
      .lineTo(PAGE.width - MARGIN.right, top)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc.font(FONT).fontSize(7.5).fillColor(GREY);
    let footerY = top + 4;
    if (company.footerText) {
      text(company.footerText, MARGIN.left, footerY, { width: CONTENT_WIDTH, align: 'center', height: 18, ellipsis: true });
      footerY += 19;
    }
    if (ids) text(ids, MARGIN.left, footerY, { width: CONTENT_WIDTH, align: 'center', height: 9, ellipsis: true });
    if (bank) text(bank, MARGIN.left, footerY + 9, { width: CONTENT_WIDTH, align: 'center', height: 9, ellipsis: true });
    doc.fillColor('black');
    text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN.left, PAGE.height - MARGIN.bottom - 2, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
  doc.end();
  return finished;
}
