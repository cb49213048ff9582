import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createPurchasingService } from './create-purchasing-service.js';

describeSchemaDrift('purchasing', createPurchasingService, {
  tables: {
    purchasing_counter:
      'the gapless document numbers (purchase orders, bills): one row per kind, incremented by raw SQL under its row lock in the numbering transaction (order.service.ts)',
  },
});
