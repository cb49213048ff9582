import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and issue invoices: the kit's `POLICIES.invoices` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const invoicePolicy: ModulePolicy = definePolicy('invoices', POLICIES.invoices);
