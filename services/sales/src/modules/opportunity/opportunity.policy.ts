import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and change opportunities: the kit's `POLICIES.opportunities` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const opportunityPolicy: ModulePolicy = definePolicy('opportunities', POLICIES.opportunities);
