import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may read and set SLA targets: the kit's `POLICIES.slaTargets` (whoever sees tickets reads them; administrators set them). */
export const slaTargetPolicy: ModulePolicy = definePolicy('SLA targets', POLICIES.slaTargets, { readOnly: { reason: 'SLA_TARGET_FORBIDDEN' } });
