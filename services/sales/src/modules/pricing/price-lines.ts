import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput, normaliseAmount, optionalText, requireUuid, type Money } from '@rapport/errors';
import { requireActiveProducts } from '@rapport/subgraph-kit';
import { lastPriceKey, lastPrices } from './last-price.js';
import { priceLine, type LinePriceInput, type PricedLine } from './pricing.js';

/** A document line as a client enters it (quotation and order lines alike). */
export interface DocumentLineInput extends LinePriceInput {
  productId: string;
  description?: string | null;
}

export interface DocumentLine extends PricedLine {
  productId: string;
  description: string;
}

/** A document holds at most this many lines. */
export const MAX_LINES = 500;

/**
 * Validates and prices the lines of a document for `customerId` in `currency`, each refusal naming
 * its field (`input.lines.2.productId`, …): every product must be in the catalogue copy and sellable;
 * a line without a price gets the customer's last order price and discount for the product (in the
 * same currency), else the catalogue list price; the description defaults to the product's name.
 * `field(i)` is the path of line i.
 */
export async function priceDocumentLines(
  em: SqlEntityManager,
  customerId: string,
  currency: string,
  lines: readonly DocumentLineInput[],
  field: (index: number) => string,
): Promise<DocumentLine[]> {
  const productIds = lines.map((line, i) => requireUuid(`${field(i)}.productId`, line.productId));
  const products = await requireActiveProducts(em, productIds, (i) => `${field(i)}.productId`);
  const unpriced = productIds.filter((_, i) => !lines[i]!.unitPrice && !lines[i]!.unitPriceGross);
  const last = await lastPrices(
    em,
    unpriced.map((productId) => ({ customerId, productId })),
  );
  return lines.map((line, i) => {
    const productId = productIds[i]!;
    const product = products.get(productId)!;
    const offered = (): { unitPrice: Money; discountPercent: string } => {
      const previous = last.get(lastPriceKey(customerId, productId));
      if (previous && previous.unitPrice.currency === currency) return { unitPrice: previous.unitPrice, discountPercent: previous.discount };
      return { unitPrice: { amount: normaliseAmount(product.listPrice), currency: product.listPriceCurrency }, discountPercent: '0' };
    };
    const description = optionalText(`${field(i)}.description`, line.description, 2000) ?? product.name;
    return { productId, description, ...priceLine(field(i), line, currency, offered) };
  });
}

/** Refuses an empty or oversized list of lines, naming `field`. */
export function requireLineCount(field: string, count: number, min = 1): void {
  if (count < min) throw badInput(field, `${field}: at least ${min} line is needed`, 'NO_LINES');
  if (count > MAX_LINES) throw badInput(field, `${field}: at most ${MAX_LINES} lines`, 'TOO_MANY_LINES');
}
