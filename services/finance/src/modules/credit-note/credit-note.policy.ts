import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and issue credit notes: the same as invoices (`POLICIES.invoices`), as they correct invoices. */
export const creditNotePolicy: ModulePolicy = definePolicy('credit notes', POLICIES.invoices);
