import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createSalesService } from './create-sales-service.js';

describeSchemaDrift('sales', createSalesService);
