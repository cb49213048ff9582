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

/** Whom a document is addressed to: the customer's name and one address (billing first), as copied from customers' events. */
export interface Recipient {
  name: string;
  addressLines: string[];
}

/** Address kinds in the order a printed document prefers them. */
const PREFERRED_KINDS = ['BILLING', 'INVOICE', 'HEADQUARTERS', 'MAIN', 'OFFICE'];

/** The customer's name and preferred live address; the name is "Customer <id>" before customers' events arrived. */
export async function recipientOf(em: SqlEntityManager, customerId: string): Promise<Recipient> {
  const [customer] = await em.execute<{ name: string }[]>('select name from print_customer where customer_id = ?', [customerId]);
  const addresses = await em.execute<{ kind: string; street: string; postal_code: string | null; city: string; region: string | null; country: string }[]>(
    'select kind, street, postal_code, city, region, country from print_customer_address where customer_id = ? and deleted_at is null order by changed_at, address_id',
    [customerId],
  );
  const rank = (kind: string): number => {
    const at = PREFERRED_KINDS.indexOf(kind.toUpperCase());
    return at === -1 ? PREFERRED_KINDS.length : at;
  };
  const address = [...addresses].sort((a, b) => rank(a.kind) - rank(b.kind))[0];
  const lines = address ? [address.street, [address.postal_code, address.city].filter(Boolean).join(' '), ...(address.region ? [address.region] : []), address.country] : [];
  return { name: customer?.name ?? `Customer ${customerId}`, addressLines: lines };
}
