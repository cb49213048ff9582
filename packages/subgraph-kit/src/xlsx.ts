// The XLSX reader and writer of the imports and exports (customers, products), beside the CSV one
// (`csv.ts`): both give the same records, so an import checks rows once whatever the file was.
// exceljs is loaded on first use, not when a service starts.
import { Readable } from 'node:stream';
import { badInput } from '@rapport/errors';
import type ExcelJS from 'exceljs';
import type { CsvRecord } from './csv.js';

const excel = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;

/** An XLSX file that cannot be read. */
export class XlsxError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'XlsxError';
  }
}

/** A cell's value as the text an import reads: what the cell shows, without formatting. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().endsWith('T00:00:00.000Z') ? value.toISOString().slice(0, 10) : value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result);
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * Reads the first worksheet of an XLSX workbook as records, as parseCsv does a CSV file: one
 * record per non-empty row, its fields the cells' texts from column A on (empty cells as empty
 * fields, at least as many fields as the header row has), `line` the row's number in the sheet.
 * Streams the workbook (shared strings cached, styles ignored: numbers stay numbers, e.g. a phone
 * typed as a number reads as its digits). Throws an XlsxError when the data is no XLSX workbook
 * or has no worksheet.
 */
export async function parseXlsx(data: Buffer): Promise<CsvRecord[]> {
  const reader = new (await excel()).stream.xlsx.WorkbookReader(Readable.from([data]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  const records: CsvRecord[] = [];
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets++;
      if (sheets > 1) continue; // only the first worksheet is imported; the others are read past
      let width = 0;
      for await (const row of worksheet) {
        const values = row.values as ExcelJS.CellValue[]; // 1-based, sparse
        const fields: string[] = [];
        for (let column = 1; column < values.length; column++) fields.push(cellText(values[column]));
        while (fields.length > width && fields.at(-1) === '') fields.pop();
        if (fields.every((field) => field.trim() === '')) continue;
        if (records.length === 0) width = fields.length;
        while (fields.length < width) fields.push('');
        records.push({ line: row.number, fields });
      }
    }
  } catch (error) {
    throw new XlsxError(`it is not an XLSX workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  if (sheets === 0) throw new XlsxError('it is not an XLSX workbook (no worksheet found)');
  return records;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The records of an XLSX workbook given base64-encoded in the input field `field` (GraphQL carries
 * no bytes), as parseXlsx reads them; BAD_USER_INPUT naming `field` when it is missing (REQUIRED),
 * not base64 (INVALID_BASE64) or not a workbook (INVALID_XLSX).
 */
export async function parseXlsxInput(field: string, file: string | null | undefined): Promise<CsvRecord[]> {
  const base64 = file?.replace(/\s+/g, '') ?? '';
  if (!base64) throw badInput(field, `${field} (the XLSX workbook, base64-encoded) is required for an XLSX import`, 'REQUIRED');
  if (!BASE64.test(base64)) throw badInput(field, `${field} must be base64-encoded`, 'INVALID_BASE64');
  try {
    return await parseXlsx(Buffer.from(base64, 'base64'));
  } catch (error) {
    if (error instanceof XlsxError) throw badInput(field, `${field} cannot be read: ${error.message}`, 'INVALID_XLSX');
    throw error;
  }
}

/** A workbook of one worksheet: the header row (bold), then the rows, every cell as text (so ids and phone numbers stay as they are). */
export async function writeXlsx(sheetName: string, header: string[], rows: (string | null)[][]): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((value) => value ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
