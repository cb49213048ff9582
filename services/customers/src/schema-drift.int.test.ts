import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createCustomersService } from './create-customers-service.js';

describeSchemaDrift('customers', createCustomersService, {
  tables: { user_team: "which team each user is in, from identity's events; kept and read by raw SQL (owner-team.ts)" },
});
