import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and change users: the kit's `POLICIES.users` (everyone reads them; administrators create and change them, refused as `ADMIN_ONLY`). */
export const userPolicy: ModulePolicy = definePolicy('users', POLICIES.users, { readOnly: { reason: 'ADMIN_ONLY', message: 'only an administrator may do this' } });
