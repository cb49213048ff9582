import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createFinanceService } from './create-finance-service.js';

describeSchemaDrift('finance', createFinanceService, {
  tables: {
    document_counter: 'the gapless number counters per series and year, incremented by raw SQL inside the issuing transaction (modules/invoice/documents.ts)',
  },
});
