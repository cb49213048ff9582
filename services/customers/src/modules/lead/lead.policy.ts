import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and work leads: the kit's `POLICIES.leads` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const leadPolicy: ModulePolicy = definePolicy('leads', POLICIES.leads);
