import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and change sales orders: the kit's `POLICIES.orders` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const orderPolicy: ModulePolicy = definePolicy('sales orders', POLICIES.orders);
