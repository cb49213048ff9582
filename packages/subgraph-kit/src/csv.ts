/** One CSV record: its fields and the (1-based) line of the file it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses RFC 4180 CSV: comma-separated, fields optionally in double quotes (`""` is a quote inside
 * them, and they may span lines), CRLF or LF line ends, a leading BOM ignored. Blank lines are
 * skipped. Each record carries the line it starts on, so errors can point into the file. Throws
 * a `CsvSyntaxError` on an unterminated quote or text after a closing quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let value = '';
      if (text[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
            } else {
              i++;
              closed = true;
              break;
            }
          } else {
            if (c === '\n') line++;
            value += c;
            i++;
          }
        }
        if (!closed) throw new CsvSyntaxError(startLine, 'a quoted field is not closed');
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') throw new CsvSyntaxError(line, 'unexpected text after a closing quote');
      } else {
        const start = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        value = text.slice(start, i);
      }
      fields.push(value);
      if (i >= n) endOfRecord = true;
      else if (text[i] === ',') i++;
      else {
        if (text[i] === '\r') i++;
        if (text[i] === '\n') i++;
        line++;
        endOfRecord = true;
      }
    }
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: startLine, fields });
  }
  return records;
}

/** A CSV file that cannot be read; `line` is where the problem is. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

/** One CSV field, quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line (without its line end). */
export const csvLine = (values: readonly (string | null | undefined)[]): string => values.map(csvField).join(',');
