import { POLICIES, type AccessPolicy } from '@rapport/subgraph-kit';

/** Who may see and change warehouses and the stock in them: the kit's `POLICIES.stock` (the warehouse keeps it, every other department reads it). */
export const stockPolicy: AccessPolicy = POLICIES.stock;
