import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createFinanceService } from './create-finance-service.js';

describeSchemaDrift('finance', createFinanceService);
