import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, money, quantity } from '@rapport/subgraph-kit/properties';

/**
 * What a supplier owes back for goods returned after they were billed (DN-000001), one per supplier
 * return: the returned quantity at the billed price and tax. Its gross total lowers what is owed to
 * the supplier until it is settled — applied to the supplier's bills or refunded (`settledTotal`).
 */
export const SupplierDebitNote = defineEntity({
  name: 'SupplierDebitNote',
  tableName: 'supplier_debit_note',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('supplier_debit_note_number_key'),
    supplierId: p.uuid(),
    purchaseOrderId: p.uuid(),
    /** Inventory's supplier return that made it (one note per return). */
    supplierReturnId: p.uuid().unique('supplier_debit_note_return_key'),
    supplierReturnNumber: p.text(),
    currency: currency(),
    netTotal: money(),
    taxTotal: money(),
    grossTotal: money(),
    /** What was applied to bills or refunded of it so far. */
    settledTotal: money(),
    createdAt: createdAt(),
  },
});
export type ISupplierDebitNote = InferEntity<typeof SupplierDebitNote>;

/** A returned quantity of one billed line, at that bill line's price and tax rate. */
export const SupplierDebitNoteLine = defineEntity({
  name: 'SupplierDebitNoteLine',
  tableName: 'supplier_debit_note_line',
  properties: {
    id: p.uuid().primary(),
    debitNoteId: p.uuid(),
    position: p.integer(),
    purchaseOrderLineId: p.uuid(),
    /** The bill line whose quantity it credits (the latest bills first). */
    billLineId: p.uuid(),
    productId: p.uuid(),
    description: p.text(),
    /** Returned after billing, credited at the bill line's price and tax rate. */
    quantity: quantity(),
    netAmount: money(),
    unitPrice: money(),
    taxRate: p.decimal('string').precision(5).scale(2),
  },
});
export type ISupplierDebitNoteLine = InferEntity<typeof SupplierDebitNoteLine>;

/** An amount of a debit note settled: applied to a bill of the supplier, or refunded (`billId` null). */
export const SupplierDebitNoteSettlement = defineEntity({
  name: 'SupplierDebitNoteSettlement',
  tableName: 'supplier_debit_note_settlement',
  properties: {
    id: p.uuid().primary(),
    debitNoteId: p.uuid(),
    billId: p.uuid().nullable(),
    amount: money(),
    settledOn: p.date(),
    createdBy: p.uuid(),
    createdAt: createdAt(),
  },
});
export type ISupplierDebitNoteSettlement = InferEntity<typeof SupplierDebitNoteSettlement>;

export const debitNoteNumber = (n: bigint | number | string): string => `DN-${String(n).padStart(6, '0')}`;
