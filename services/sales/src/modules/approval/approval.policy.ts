import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and set discount limits: the kit's `POLICIES.discountLimits` (directors and admins set them; the sales department reads them). */
export const discountLimitPolicy: ModulePolicy = definePolicy('discount limits', POLICIES.discountLimits);
