import type { Caller } from '../../context.js';
import { POLICIES, type AccessPolicy, type FieldRules } from '@rapport/subgraph-kit';

/** Who may see and change products: the kit's `POLICIES.products` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const productPolicy: AccessPolicy = POLICIES.products;

/** Who may see and set costs (standard costs, unit costs of moves, stock value): the kit's `POLICIES.costs`; sales and support see none. */
export const costPolicy: AccessPolicy = POLICIES.costs;

/** Whether `principal` may see costs. */
export const seesCosts = (principal: Caller): boolean => !!principal && costPolicy[principal.role] !== 'none';

/** A product's fields not everyone who sees the product may see: its standard cost (and its history). */
export const productFieldRules: FieldRules = { standardCost: seesCosts };
