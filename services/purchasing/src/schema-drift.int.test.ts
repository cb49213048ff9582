import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createPurchasingService } from './create-purchasing-service.js';

describeSchemaDrift('purchasing', createPurchasingService);
