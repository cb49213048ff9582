// The CSV reader and writer moved to the kit (inventory's product import reads CSV too).
export { csvField, csvLine, CsvSyntaxError, parseCsv, type CsvRecord } from '@rapport/subgraph-kit';
