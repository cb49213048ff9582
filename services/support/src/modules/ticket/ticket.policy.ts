import { POLICIES, type AccessPolicy } from '@rapport/subgraph-kit';

/** Who may see and change tickets: the kit's `POLICIES.tickets` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const ticketPolicy: AccessPolicy = POLICIES.tickets;
