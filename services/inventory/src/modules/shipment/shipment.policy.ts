import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and change shipments: the kit's `POLICIES.shipments` (one table for every department, read by other subgraphs too, e.g. the customer timeline). */
export const shipmentPolicy: ModulePolicy = definePolicy('shipments', POLICIES.shipments);
