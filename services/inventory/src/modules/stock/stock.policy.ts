import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may run the stock ledger check (and rebuild): the kit's `POLICIES.stockLedger`, administrators only. */
export const stockLedgerPolicy: ModulePolicy = definePolicy('the stock ledger check', POLICIES.stockLedger);
