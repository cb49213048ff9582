import { POLICIES, type AccessPolicy } from '@rapport/subgraph-kit';

/** Who may see and work leads: the kit's `POLICIES.leads` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const leadPolicy: AccessPolicy = POLICIES.leads;
