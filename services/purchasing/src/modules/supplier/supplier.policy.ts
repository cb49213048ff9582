import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and change suppliers: the kit's `POLICIES.suppliers` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const supplierPolicy: ModulePolicy = definePolicy('suppliers', POLICIES.suppliers);
