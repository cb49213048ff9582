import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { PurchaseInquiryAnsweredV2, PurchaseInquiryClosedV1, PurchaseInquirySentV1, type EventMetadata } from '@rapport/contracts';
import { addDays, badInput, conflict, formatAmount, formatQuantity, type Money, notFound, parseMoneyInput, parseQuantity, requireIsoDate, requireUuid } from '@rapport/errors';
import { keysetPage, requireActiveProducts, transition, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { draftPurchaseOrder, nextNumber, pricePurchaseLines } from '../order/order.service.js';
import { amountUnits, parseTaxRate } from '../order/order-totals.js';
import { setSupplierPrice, today } from '../price/price.service.js';
import { getSupplier } from '../supplier/supplier.service.js';
import { requireActiveWarehouse } from '../warehouse-copy/warehouse-copy.js';
import {
  inquiryNumber,
  PurchaseInquiry,
  PurchaseInquiryAnswer,
  PurchaseInquiryLine,
  PurchaseInquirySupplier,
  type InquiryStatus,
  type IPurchaseInquiry,
  type IPurchaseInquiryAnswer,
  type IPurchaseInquiryLine,
} from './inquiry.entity.js';

const MAX_LINES = 200;
const MAX_SUPPLIERS = 50;
const MAX_NOTE = 2000;
const MAX_LEAD_TIME_DAYS = 3650;

export interface SendPurchaseInquiryInput {
  supplierIds: readonly string[];
  lines: readonly { productId: string; quantity: string; description?: string | null }[];
  respondBy?: string | null;
  note?: string | null;
}

export interface RecordPurchaseInquiryAnswerInput {
  inquiryId: string;
  supplierId: string;
  lines: readonly { lineId: string; unitPrice: Money; taxRate?: string | null; leadTimeDays?: number | null; validUntil?: string | null }[];
}

export interface OrderFromPurchaseInquiryInput {
  choices: readonly { lineId: string; supplierId: string }[];
  warehouseId?: string | null;
}

const requireCount = (field: string, count: number, max: number, what: string): void => {
  if (count < 1 || count > max) throw badInput(field, `${field} must hold 1 to ${max} ${what}`, 'INVALID_COUNT');
};

/** The first index at which `keys` repeats an earlier key, or -1. */
const firstRepeat = (keys: readonly string[]): number => keys.findIndex((key, i) => keys.indexOf(key) !== i);

/** Inquiries are purchasing's own: whoever may read purchase orders reads them all. */
export async function getInquiry(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IPurchaseInquiry> {
  const inquiry = await em.findOne(PurchaseInquiry, { id: requireUuid(field, id) });
  if (!inquiry) throw notFound('PurchaseInquiry', id, field);
  return inquiry;
}

const requireOpen = (inquiry: IPurchaseInquiry): void => {
  if (inquiry.status !== 'SENT') throw conflict('INQUIRY_CLOSED', `inquiry ${inquiry.number} is closed`, 'id');
};

export const inquiryLines = (em: SqlEntityManager, inquiryId: string): Promise<IPurchaseInquiryLine[]> =>
  em.find(PurchaseInquiryLine, { inquiryId }, { orderBy: { position: 'asc' } });

/**
 * Sends an inquiry to live suppliers (each once) for products in the catalogue and in use (each once)
 * and positive quantities; numbered RFQ-… without gaps and announced in the same transaction.
 */
export async function sendPurchaseInquiry(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: SendPurchaseInquiryInput, meta: EventMetadata): Promise<IPurchaseInquiry> {
  requireCount('input.supplierIds', input.supplierIds.length, MAX_SUPPLIERS, 'suppliers');
  requireCount('input.lines', input.lines.length, MAX_LINES, 'lines');
  const supplierIds = input.supplierIds.map((id, i) => requireUuid(`input.supplierIds.${i}`, id).toLowerCase());
  const repeatedSupplier = firstRepeat(supplierIds);
  if (repeatedSupplier >= 0) throw badInput(`input.supplierIds.${repeatedSupplier}`, `input.supplierIds.${repeatedSupplier} names a supplier twice`, 'DUPLICATE_SUPPLIER');
  for (const [i, id] of supplierIds.entries()) await getSupplier(em, viewer, id, `input.supplierIds.${i}`);
  const productIds = input.lines.map((line, i) => requireUuid(`input.lines.${i}.productId`, line.productId).toLowerCase());
  const repeatedProduct = firstRepeat(productIds);
  if (repeatedProduct >= 0) throw badInput(`input.lines.${repeatedProduct}.productId`, `input.lines.${repeatedProduct}.productId asks for a product twice`, 'DUPLICATE_PRODUCT');
  const products = await requireActiveProducts(em, productIds, (i) => `input.lines.${i}.productId`);
  const quantities = input.lines.map((line, i) => formatQuantity(parseQuantity(`input.lines.${i}.quantity`, line.quantity)));
  const respondBy = input.respondBy ? requireIsoDate('input.respondBy', input.respondBy) : null;
  const note = input.note?.trim() || null;
  if (note && note.length > MAX_NOTE) throw badInput('input.note', `input.note must be at most ${MAX_NOTE} characters`, 'NOTE_TOO_LONG');
  return em.transactional(async (tx) => {
    const sentAt = new Date();
    const inquiry = tx.create(PurchaseInquiry, {
      id: randomUUID(),
      number: inquiryNumber(await nextNumber(tx, 'purchase_inquiry')),
      status: 'SENT',
      respondBy,
      note,
      createdBy: viewer.principal.userId,
      sentAt,
      closedAt: null,
      closedBy: null,
    });
    const lines = input.lines.map((line, i) =>
      tx.create(PurchaseInquiryLine, {
        id: randomUUID(),
        inquiryId: inquiry.id,
        position: i,
        productId: productIds[i]!,
        description: line.description?.trim() || products.get(productIds[i]!)!.name,
        quantity: quantities[i]!,
      }),
    );
    supplierIds.forEach((supplierId, i) =>
      tx.create(PurchaseInquirySupplier, { id: randomUUID(), inquiryId: inquiry.id, supplierId, position: i, answeredAt: null, purchaseOrderId: null }),
    );
    publish(
      tx,
      PurchaseInquirySentV1,
      inquiry.id,
      {
        inquiryId: inquiry.id,
        number: inquiry.number,
        supplierIds,
        lines: lines.map((l) => ({ lineId: l.id, productId: l.productId, quantity: l.quantity })),
        respondBy,
        sentAt: sentAt.toISOString(),
      },
      meta,
    );
    await tx.flush();
    return inquiry;
  });
}

/**
 * Records a supplier's answer for lines of an open inquiry (CONFLICT INQUIRY_CLOSED otherwise): the
 * supplier must be one asked (NOT_ASKED), each line the inquiry's and named once, the price in the
 * supplier's currency (CURRENCY_MISMATCH), the tax rate quoted 0–100 % (0 when not said, as on an order
 * line entered directly), the lead time 0–3650 days, the last valid day not before today. A line
 * answered again replaces the earlier answer.
 */
export async function recordPurchaseInquiryAnswer(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  input: RecordPurchaseInquiryAnswerInput,
  meta: EventMetadata,
): Promise<IPurchaseInquiry> {
  const supplierId = requireUuid('input.supplierId', input.supplierId).toLowerCase();
  requireCount('input.lines', input.lines.length, MAX_LINES, 'lines');
  const lineIds = input.lines.map((line, i) => requireUuid(`input.lines.${i}.lineId`, line.lineId).toLowerCase());
  const repeated = firstRepeat(lineIds);
  if (repeated >= 0) throw badInput(`input.lines.${repeated}.lineId`, `input.lines.${repeated}.lineId answers a line twice`, 'DUPLICATE_LINE');
  const day = today();
  return transition(
    em,
    (tx) => getInquiry(tx, viewer, input.inquiryId, 'input.inquiryId'),
    async (inquiry, tx) => {
      requireOpen(inquiry);
      const asked = await tx.findOne(PurchaseInquirySupplier, { inquiryId: inquiry.id, supplierId });
      if (!asked) throw badInput('input.supplierId', `input.supplierId: inquiry ${inquiry.number} was not sent to this supplier`, 'NOT_ASKED');
      const supplier = await getSupplier(tx, viewer, supplierId, 'input.supplierId');
      const lines = new Map((await inquiryLines(tx, inquiry.id)).map((l) => [l.id, l]));
      const existing = new Map((await tx.find(PurchaseInquiryAnswer, { inquiryId: inquiry.id, supplierId })).map((a) => [a.lineId, a]));
      const answeredAt = new Date();
      const answers = input.lines.map((line, i) => {
        const field = `input.lines.${i}`;
        const inquiryLine = lines.get(lineIds[i]!);
        if (!inquiryLine) throw badInput(`${field}.lineId`, `${field}.lineId is not a line of inquiry ${inquiry.number}`, 'LINE_NOT_FOUND');
        const price = parseMoneyInput(`${field}.unitPrice`, line.unitPrice);
        if (price.currency !== supplier.currency) {
          throw badInput(`${field}.unitPrice.currency`, `${field}.unitPrice.currency must be the supplier's currency ${supplier.currency}`, 'CURRENCY_MISMATCH');
        }
        const taxRate = parseTaxRate(`${field}.taxRate`, line.taxRate ?? '0');
        const leadTimeDays = line.leadTimeDays ?? 0;
        if (!Number.isInteger(leadTimeDays) || leadTimeDays < 0 || leadTimeDays > MAX_LEAD_TIME_DAYS) {
          throw badInput(`${field}.leadTimeDays`, `${field}.leadTimeDays must be a whole number of days between 0 and ${MAX_LEAD_TIME_DAYS}`, 'INVALID_LEAD_TIME');
        }
        const validUntil = line.validUntil ? requireIsoDate(`${field}.validUntil`, line.validUntil) : null;
        if (validUntil && validUntil < day) throw badInput(`${field}.validUntil`, `${field}.validUntil must not be before today (${day})`, 'INVALID_VALIDITY');
        const values = { unitPrice: price.amount, currency: price.currency, taxRate, leadTimeDays, validUntil, answeredAt };
        const answer = existing.get(inquiryLine.id);
        if (answer) return Object.assign(answer, values);
        return tx.create(PurchaseInquiryAnswer, { id: randomUUID(), inquiryId: inquiry.id, lineId: inquiryLine.id, supplierId, ...values, chosen: false });
      });
      asked.answeredAt = answeredAt;
      publish(
        tx,
        PurchaseInquiryAnsweredV2,
        inquiry.id,
        {
          inquiryId: inquiry.id,
          number: inquiry.number,
          supplierId,
          lines: answers.map((a) => ({
            lineId: a.lineId,
            productId: lines.get(a.lineId)!.productId,
            unitPrice: { amount: formatAmount(amountUnits(a.unitPrice)), currency: a.currency },
            taxRate: parseTaxRate('taxRate', a.taxRate),
            leadTimeDays: a.leadTimeDays,
            validUntil: a.validUntil ?? null,
          })),
          answeredAt: answeredAt.toISOString(),
        },
        meta,
      );
      return inquiry;
    },
  );
}

function close(
  tx: SqlEntityManager,
  viewer: Viewer,
  inquiry: IPurchaseInquiry,
  chosen: { lineId: string; supplierId: string; purchaseOrderId: string }[],
  meta: EventMetadata,
): void {
  inquiry.status = 'CLOSED';
  inquiry.closedAt = new Date();
  inquiry.closedBy = viewer.principal.userId;
  publish(tx, PurchaseInquiryClosedV1, inquiry.id, { inquiryId: inquiry.id, number: inquiry.number, chosen, closedAt: inquiry.closedAt.toISOString() }, meta);
}

/**
 * Orders the chosen answers of an open inquiry: one draft purchase order per supplier (through the
 * purchase order code, at the answered price and tax rate, expected after the answered lead time,
 * in the supplier's currency), each chosen price recorded as the supplier's price from the quantity asked
 * until its last valid day, and the inquiry closed — all in one transaction under the inquiry's row
 * lock. A line chosen twice, a supplier that did not answer the line (NO_ANSWER) or an answer that
 * no longer holds (ANSWER_EXPIRED) is refused naming `input.choices.<i>`.
 */
export async function orderFromPurchaseInquiry(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  id: string,
  input: OrderFromPurchaseInquiryInput,
  meta: EventMetadata,
): Promise<IPurchaseInquiry> {
  requireCount('input.choices', input.choices.length, MAX_LINES, 'choices');
  const choices = input.choices.map((c, i) => ({
    lineId: requireUuid(`input.choices.${i}.lineId`, c.lineId).toLowerCase(),
    supplierId: requireUuid(`input.choices.${i}.supplierId`, c.supplierId).toLowerCase(),
  }));
  const repeated = firstRepeat(choices.map((c) => c.lineId));
  if (repeated >= 0) throw badInput(`input.choices.${repeated}.lineId`, `input.choices.${repeated}.lineId chooses a line twice`, 'DUPLICATE_LINE');
  const day = today();
  return transition(
    em,
    (tx) => getInquiry(tx, viewer, id),
    async (inquiry, tx) => {
      requireOpen(inquiry);
      const warehouseId = await requireActiveWarehouse(tx, 'input.warehouseId', input.warehouseId);
      const lines = new Map((await inquiryLines(tx, inquiry.id)).map((l) => [l.id, l]));
      const answers = await tx.find(PurchaseInquiryAnswer, { inquiryId: inquiry.id });
      const bySupplier = new Map<string, { index: number; line: IPurchaseInquiryLine; answer: IPurchaseInquiryAnswer }[]>();
      choices.forEach((choice, i) => {
        const line = lines.get(choice.lineId);
        if (!line) throw badInput(`input.choices.${i}.lineId`, `input.choices.${i}.lineId is not a line of inquiry ${inquiry.number}`, 'LINE_NOT_FOUND');
        const answer = answers.find((a) => a.lineId === line.id && a.supplierId === choice.supplierId);
        if (!answer) throw badInput(`input.choices.${i}.supplierId`, `input.choices.${i}.supplierId: the supplier gave no answer for this line`, 'NO_ANSWER');
        if (answer.validUntil && answer.validUntil < day) {
          throw badInput(`input.choices.${i}.supplierId`, `input.choices.${i}.supplierId: the answer held until ${answer.validUntil}`, 'ANSWER_EXPIRED');
        }
        bySupplier.set(choice.supplierId, [...(bySupplier.get(choice.supplierId) ?? []), { index: i, line, answer }]);
      });
      const chosen: { lineId: string; supplierId: string; purchaseOrderId: string }[] = [];
      for (const [supplierId, picks] of bySupplier) {
        const supplier = await getSupplier(tx, viewer, supplierId, `input.choices.${picks[0]!.index}.supplierId`);
        const priced = await pricePurchaseLines(
          tx,
          supplier.id,
          supplier.currency,
          picks.map(({ line, answer }) => ({
            productId: line.productId,
            quantity: line.quantity,
            unitPrice: { amount: answer.unitPrice, currency: answer.currency },
            taxRate: answer.taxRate,
            expectedDate: addDays(day, answer.leadTimeDays),
            description: line.description,
          })),
          (i) => `input.choices.${picks[i]!.index}`,
        );
        const po = await draftPurchaseOrder(tx, viewer, { supplierId: supplier.id, currency: supplier.currency, warehouseId, copiedFromId: null }, priced);
        for (const { line, answer } of picks) {
          answer.chosen = true;
          chosen.push({ lineId: line.id, supplierId, purchaseOrderId: po.id });
          await setSupplierPrice(tx, viewer, {
            supplierId,
            productId: line.productId,
            price: { amount: answer.unitPrice, currency: answer.currency },
            minimumQuantity: line.quantity,
            leadTimeDays: answer.leadTimeDays,
            validFrom: day,
            validTo: answer.validUntil ?? null,
          });
        }
        const asked = await tx.findOne(PurchaseInquirySupplier, { inquiryId: inquiry.id, supplierId });
        if (asked) asked.purchaseOrderId = po.id;
      }
      close(tx, viewer, inquiry, chosen, meta);
      return inquiry;
    },
  );
}

/** Closes an open inquiry without ordering (CONFLICT INQUIRY_CLOSED when already closed). */
export async function closePurchaseInquiry(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IPurchaseInquiry> {
  return transition(
    em,
    (tx) => getInquiry(tx, viewer, id),
    (inquiry, tx) => {
      requireOpen(inquiry);
      close(tx, viewer, inquiry, [], meta);
      return inquiry;
    },
  );
}

export interface LineComparison {
  line: IPurchaseInquiryLine;
  answers: IPurchaseInquiryAnswer[];
  best: IPurchaseInquiryAnswer | null;
  unansweredSupplierIds: string[];
}

/** Whether an answer's price no longer holds on `day`. */
export const expiredOn = (answer: Pick<IPurchaseInquiryAnswer, 'validUntil'>, day: string): boolean => !!answer.validUntil && answer.validUntil < day;

/** What one unit of an answer's currency is worth in the base currency today, in rate units; null when no rate is held. */
export type RateOf = (answer: IPurchaseInquiryAnswer) => bigint | null;

/**
 * The order answers rank in for one line: those still holding before expired ones; those whose
 * currency converts into the base currency (finance's rate of the day, from the read copy) before
 * those it does not (`rateMissing`: never compared as if their prices were in the base currency);
 * then the lower unit price in the base currency, exact before rounding (among answers without a
 * rate: by currency, then unit price in it); the shorter lead time; the earlier answer.
 */
export function rankAnswers(answers: readonly IPurchaseInquiryAnswer[], day: string, rateOf: RateOf): IPurchaseInquiryAnswer[] {
  const keyed = answers.map((answer) => {
    const rate = rateOf(answer);
    return { answer, expired: expiredOn(answer, day), price: rate === null ? null : amountUnits(answer.unitPrice) * rate };
  });
  keyed.sort((a, b) => {
    if (a.expired !== b.expired) return a.expired ? 1 : -1;
    if ((a.price === null) !== (b.price === null)) return a.price === null ? 1 : -1;
    if (a.price === null && a.answer.currency !== b.answer.currency) return a.answer.currency.localeCompare(b.answer.currency);
    const price = a.price !== null && b.price !== null ? a.price - b.price : amountUnits(a.answer.unitPrice) - amountUnits(b.answer.unitPrice);
    if (price !== 0n) return price < 0n ? -1 : 1;
    if (a.answer.leadTimeDays !== b.answer.leadTimeDays) return a.answer.leadTimeDays - b.answer.leadTimeDays;
    return a.answer.answeredAt.getTime() - b.answer.answeredAt.getTime();
  });
  return keyed.map((k) => k.answer);
}

/**
 * The inquiry's answers side by side, line by line (see `rankAnswers`); the best is the first that
 * still holds and converts into the base currency.
 */
export function compareAnswers(
  lines: readonly IPurchaseInquiryLine[],
  supplierIds: readonly string[],
  answers: readonly IPurchaseInquiryAnswer[],
  rateOf: RateOf,
  day = today(),
): LineComparison[] {
  return lines.map((line) => {
    const ranked = rankAnswers(
      answers.filter((a) => a.lineId === line.id),
      day,
      rateOf,
    );
    const best = ranked.find((a) => !expiredOn(a, day) && rateOf(a) !== null) ?? null;
    return { line, answers: ranked, best, unansweredSupplierIds: supplierIds.filter((s) => !ranked.some((a) => a.supplierId === s)) };
  });
}

const INQUIRY_KEYSET: Keyset<IPurchaseInquiry> = { sort: 'i.created_at', kind: 'timestamp', direction: 'desc', id: 'i.id', sortValue: (i) => i.createdAt.toISOString() };

/** Inquiries newest first, by keyset, optionally in one state. */
export async function listInquiries(
  em: SqlEntityManager,
  viewer: Viewer,
  status: InquiryStatus | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IPurchaseInquiry>> {
  const qb = em.createQueryBuilder(PurchaseInquiry, 'i').select('*');
  if (status) qb.andWhere({ status });
  return keysetPage(qb, INQUIRY_KEYSET, { field: 'purchaseInquiries', first, after });
}
