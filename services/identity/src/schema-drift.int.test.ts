import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createIdentityService } from './create-identity-service.js';

describeSchemaDrift('identity', createIdentityService, {
  columns: {
    'company_profile.logo_data': 'the logo bytes, written and read by raw SQL only (company.service.ts), so audit entries never carry them',
  },
});
