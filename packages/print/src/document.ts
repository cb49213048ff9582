/**
 * What a printed business document says. Everything is given as it is to be printed: money and
 * quantities as exact decimal strings (never numbers), dates as ISO dates. The renderer formats
 * them for the locale and lays them out; it computes nothing.
 */

/** The issuing company, from the one company profile (identity's, copied by each printing service). */
export interface PrintCompany {
  name: string;
  /** Street, postcode and city, country: one printed line each. */
  addressLines: readonly string[];
  vatId?: string | null;
  taxNumber?: string | null;
  iban?: string | null;
  bic?: string | null;
  bankName?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  /** Printed under the letterhead on the first page. */
  headerText?: string | null;
  /** Printed at the foot of every page, above the bank details and the page number. */
  footerText?: string | null;
  /** PNG or JPEG bytes, at most 256 KB (identity checks it on upload). */
  logo?: { contentType: 'image/png' | 'image/jpeg'; data: Uint8Array } | null;
}

/** A label and its value, printed beside the recipient ("Valid until", "Customer no.", "Your reference"). */
export interface PrintField {
  label: string;
  value: string;
  /** How to print `value`: as given (default), or an ISO date formatted for the locale. */
  format?: 'text' | 'date';
}

/** One line of the table. */
export interface PrintLine {
  position: number | string;
  /** Product code (or name) as printed in the product column. */
  product: string;
  description: string;
  /** Exact decimal string, e.g. "2.5". */
  quantity: string;
  unit?: string | null;
  /** Exact decimal string, net unit price in the document's currency. */
  unitPrice: string;
  /** Exact decimal string, percent, e.g. "10.00"; null or "0" prints nothing. */
  discountPercent?: string | null;
  /** Exact decimal string: the line's net amount after discount. */
  net: string;
}

/** The totals of one tax rate. */
export interface PrintTaxRate {
  /** Percent as an exact decimal string, e.g. "19.00". */
  rate: string;
  net: string;
  tax: string;
}

export interface PrintableDocument {
  /** The title, e.g. "Quotation", "Order confirmation", "Delivery note", "Invoice", "Payment reminder". */
  title: string;
  number: string;
  /** A BCP 47 locale for numbers and dates; "en-GB" when absent. */
  locale?: string;
  company: PrintCompany;
  recipient: { name: string; addressLines: readonly string[] };
  /** Dates and references printed to the right of the recipient, in this order. */
  fields: readonly PrintField[];
  /** A sentence or two above the table ("Thank you for your enquiry. We offer:"). */
  introduction?: string | null;
  /** Currency of every amount (ISO 4217 code). */
  currency: string;
  lines: readonly PrintLine[];
  /** Omit for documents without amounts (a delivery note): then no price columns and no totals are printed. */
  totals?: { byTaxRate: readonly PrintTaxRate[]; net: string; tax: string; gross: string } | null;
  /** Without prices: a delivery note prints quantities only. */
  withPrices?: boolean;
  /** Terms printed after the totals (the document's own, else the company's default). */
  terms?: string | null;
  /** Fixed creation date in the PDF's metadata (so the same input gives the same file); now when absent. */
  createdAt?: Date;
}
