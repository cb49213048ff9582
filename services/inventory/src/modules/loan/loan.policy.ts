import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and make loans and samples: the kit's `POLICIES.stock` (the warehouse lends goods out, every other department reads). */
export const loanPolicy: ModulePolicy = definePolicy('loans', POLICIES.stock);
