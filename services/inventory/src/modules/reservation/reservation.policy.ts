import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see how an order's lines are reserved: whoever may see the order (the kit's `POLICIES.orders`; reps their customers' only). */
export const orderStockPolicy: ModulePolicy = definePolicy('sales orders', POLICIES.orders);
