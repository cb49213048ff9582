import type { Principal } from '@rapport/auth';
import { definePolicy, POLICIES, seesPrices, viewerFor, type FieldRules, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and change products: the kit's `POLICIES.products` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const productPolicy: ModulePolicy = definePolicy('products', POLICIES.products);

/** Who may see and set costs (standard costs, unit costs of moves, stock value): the kit's `POLICIES.costs`; sales and support see none. */
export const costPolicy: ModulePolicy = definePolicy('costs', POLICIES.costs);

/** Whether `principal` may see costs (has a viewer of costs at all). */
export const seesCosts = (principal: Principal | null): boolean => viewerFor(principal, costPolicy, 'lookup') !== null;

/** A product's fields not everyone who sees the product may see: its standard cost, and its list price (the kit's `seesPrices`: not the warehouse), in its history too. */
export const productFieldRules: FieldRules = { standardCost: seesCosts, listPrice: seesPrices };
