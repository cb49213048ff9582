// The CSV and XLSX readers and writers moved to the kit (inventory's product import reads both too).
export { csvField, csvLine, CsvSyntaxError, parseCsv, parseXlsx, parseXlsxInput, writeXlsx, type CsvRecord } from '@rapport/subgraph-kit';
