import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/**
 * Who may see and change quotations: the kit's `POLICIES.quotations`, the sales department as for
 * opportunities (reps and team heads their customers' only; other departments none).
 */
export const quotationPolicy: ModulePolicy = definePolicy('quotations', POLICIES.quotations);
