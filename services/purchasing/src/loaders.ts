import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { mergeLoaders, type Caller } from '@rapport/subgraph-kit';
import { createBillLoaders } from './modules/bill/bill.loaders.js';
import { createDebitNoteLoaders } from './modules/debit-note/debit-note.loaders.js';
import { createInquiryLoaders } from './modules/inquiry/inquiry.loaders.js';
import { createOrderLoaders } from './modules/order/order.loaders.js';
import { createSupplierLoaders } from './modules/supplier/supplier.loaders.js';

/** Per-request loaders, one part per module; a loader name two modules define is an error, not an overwrite. */
export const createLoaders = (em: SqlEntityManager, caller: Caller) =>
  mergeLoaders(createSupplierLoaders(em, caller), createOrderLoaders(em, caller), createBillLoaders(em, caller), createInquiryLoaders(em), createDebitNoteLoaders(em, caller));
export type PurchasingLoaders = ReturnType<typeof createLoaders>;
