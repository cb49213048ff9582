import { POLICIES, type AccessPolicy } from '@rapport/subgraph-kit';

/** Who may see and change opportunities: the kit's `POLICIES.opportunities` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const opportunityPolicy: AccessPolicy = POLICIES.opportunities;
