import type { SqlEntityManager } from '@mikro-orm/postgresql';

/** The PDF of a quotation as it was sent, kept for good. */
export interface PrintedQuotation {
  quotationId: string;
  number: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  pdf: Buffer;
  printedBy: string | null;
  printedAt: Date;
}

/** Stores the sent quotation's PDF; a quotation is sent once, so a second store is an error. */
export async function storePrintedQuotation(em: SqlEntityManager, printed: PrintedQuotation): Promise<void> {
  await em.execute(`insert into printed_quotation (quotation_id, number, file_name, size_bytes, sha256, pdf, printed_by, printed_at) values (?, ?, ?, ?, ?, ?, ?, ?)`, [
    printed.quotationId,
    printed.number,
    printed.fileName,
    printed.sizeBytes,
    printed.sha256,
    printed.pdf,
    printed.printedBy,
    printed.printedAt,
  ]);
}

/** The PDF stored when the quotation was sent, or null (never sent). */
export async function loadPrintedQuotation(em: SqlEntityManager, quotationId: string): Promise<PrintedQuotation | null> {
  const [row] = await em.execute<
    { quotation_id: string; number: string; file_name: string; size_bytes: number; sha256: string; pdf: Buffer; printed_by: string | null; printed_at: Date }[]
  >('select * from printed_quotation where quotation_id = ?', [quotationId]);
  if (!row) return null;
  return {
    quotationId: row.quotation_id,
    number: row.number,
    fileName: row.file_name,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    pdf: row.pdf,
    printedBy: row.printed_by,
    printedAt: new Date(row.printed_at),
  };
}
