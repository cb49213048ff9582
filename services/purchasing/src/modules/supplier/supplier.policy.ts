import { POLICIES, type AccessPolicy } from '@rapport/subgraph-kit';

/** Who may see and change suppliers: the kit's `POLICIES.suppliers` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const supplierPolicy: AccessPolicy = POLICIES.suppliers;
