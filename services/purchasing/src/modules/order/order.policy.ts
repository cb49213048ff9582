import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and change purchase orders and reorder suggestions: the kit's `POLICIES.purchaseOrders`. */
export const orderPolicy: ModulePolicy = definePolicy('purchase orders', POLICIES.purchaseOrders);
