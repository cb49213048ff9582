import { POLICIES, type AccessPolicy } from '@rapport/subgraph-kit';

/**
 * Who may see and change quotations: the sales department, as for opportunities (`POLICIES.opportunities`:
 * reps and team heads their customers' only; other departments none). The kit has no quotations
 * table of its own yet; the integrator may give it one when policies are unified.
 */
export const quotationPolicy: AccessPolicy = POLICIES.opportunities;
