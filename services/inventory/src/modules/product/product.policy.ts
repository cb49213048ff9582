import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and change products: the kit's `POLICIES.products` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const productPolicy: ModulePolicy = definePolicy('products', POLICIES.products);
