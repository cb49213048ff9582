import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and change teams: the kit's `POLICIES.teams` (everyone reads them; administrators create them, refused as `ADMIN_ONLY`). */
export const teamPolicy: ModulePolicy = definePolicy('teams', POLICIES.teams, { readOnly: { reason: 'ADMIN_ONLY', message: 'only an administrator may do this' } });
