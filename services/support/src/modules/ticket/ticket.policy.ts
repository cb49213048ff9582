import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and change tickets: the kit's `POLICIES.tickets` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const ticketPolicy: ModulePolicy = definePolicy('tickets', POLICIES.tickets);
