import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and post receipts and expected receipts: the kit's `POLICIES.stock` (the warehouse receives, every other department reads). */
export const receiptPolicy: ModulePolicy = definePolicy('receipts', POLICIES.stock);
