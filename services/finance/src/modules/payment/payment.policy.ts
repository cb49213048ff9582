import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may record and read payments: the kit's `POLICIES.payments` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const paymentPolicy: ModulePolicy = definePolicy('payments', POLICIES.payments);
