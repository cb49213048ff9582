import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createPurchasingService } from './create-purchasing-service.js';

describeSchemaDrift('purchasing', createPurchasingService, {
  tables: {
    purchasing_counter:
      'the gapless document numbers (purchase orders, bills): one row per kind, incremented by raw SQL under its row lock in the numbering transaction (order.service.ts)',
    warehouse_copy:
      "inventory's warehouses as its events announce them (modules/warehouse-copy): a read copy kept by raw SQL upserts (newest snapshot wins), read by raw SQL when an order names a warehouse",
  },
});
