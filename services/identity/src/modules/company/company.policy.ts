import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may see and change the company profile: everyone signed in reads it; administrators change it (else FORBIDDEN `ADMIN_ONLY`). */
export const companyProfilePolicy: ModulePolicy = definePolicy('company profile', POLICIES.companyProfile, {
  readOnly: { reason: 'ADMIN_ONLY', message: 'only an administrator may change the company profile' },
});
