import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and make transfers between warehouses: the kit's `POLICIES.stock` (the warehouse moves goods, every other department reads). */
export const transferPolicy: ModulePolicy = definePolicy('transfers', POLICIES.stock);
