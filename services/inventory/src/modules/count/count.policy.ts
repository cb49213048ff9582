import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and make stock counts: the kit's `POLICIES.stock` (the warehouse counts, every other department reads). */
export const countPolicy: ModulePolicy = definePolicy('stock counts', POLICIES.stock);
