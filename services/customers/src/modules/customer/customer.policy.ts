import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and change customers: the kit's `POLICIES.customers` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const customerPolicy: ModulePolicy = definePolicy('customers', POLICIES.customers);
