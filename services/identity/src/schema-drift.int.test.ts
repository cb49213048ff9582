import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createIdentityService } from './create-identity-service.js';

describeSchemaDrift('identity', createIdentityService);
