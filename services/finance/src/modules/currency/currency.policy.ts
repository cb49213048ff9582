import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/**
 * Who may set and read exchange rates: finance's invoice table (accountants, directors and admins
 * set them; sales reads them, as it reads the invoices they convert). A rate concerns no customer.
 */
export const currencyPolicy: ModulePolicy = definePolicy('invoices', POLICIES.invoices);
