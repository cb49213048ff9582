import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createSalesService } from './create-sales-service.js';

describeSchemaDrift('sales', createSalesService, {
  tables: {
    document_counter: 'the gapless document numbers: one row per kind of document, incremented by raw SQL under its row lock in the numbering transaction (quotation.service.ts)',
  },
});
