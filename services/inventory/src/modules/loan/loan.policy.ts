import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/**
 * Who may see and make loans and samples: the kit's `POLICIES.shipments`, as goods that go out to a
 * customer (the warehouse lends them; a rep sees those of the customers they may see, as with deliveries).
 */
export const loanPolicy: ModulePolicy = definePolicy('loans', POLICIES.shipments);
