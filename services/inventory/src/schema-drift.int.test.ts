import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createInventoryService } from './create-inventory-service.js';

describeSchemaDrift('inventory', createInventoryService);
