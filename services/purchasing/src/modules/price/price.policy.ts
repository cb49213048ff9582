import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Purchase prices are purchasing's own: the kit's `POLICIES.purchaseOrders` row. */
export const pricePolicy: ModulePolicy = definePolicy('supplier prices', POLICIES.purchaseOrders);
