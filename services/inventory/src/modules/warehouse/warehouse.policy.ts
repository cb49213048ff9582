import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and change warehouses: the kit's `POLICIES.stock` (the warehouse keeps them, every other department reads them). */
export const warehousePolicy: ModulePolicy = definePolicy('warehouses', POLICIES.stock);

/** Who may see and change the stock in the warehouses (levels, the ledger, rules, alarms): the same `POLICIES.stock` row. */
export const stockPolicy: ModulePolicy = definePolicy('stock', POLICIES.stock);
