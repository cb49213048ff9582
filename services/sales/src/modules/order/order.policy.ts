import { definePolicy, POLICIES, seesPrices, type FieldRules, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and change sales orders: the kit's `POLICIES.orders` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const orderPolicy: ModulePolicy = definePolicy('sales orders', POLICIES.orders);

/** An order's fields not everyone who reads the order may see: its totals, for who may not see prices (the kit's `seesPrices`: not the warehouse), in its history too. */
export const orderPriceRules: FieldRules = { total: seesPrices, taxTotal: seesPrices, grossTotal: seesPrices };
