import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createInventoryService } from './create-inventory-service.js';

describeSchemaDrift('inventory', createInventoryService, {
  tables: {
    print_order: "confirmed orders' numbers for delivery notes, a read copy kept by raw SQL from sales' events (printing.consumer.ts)",
    product_picture: "products' pictures with their bytes: raw SQL only, so the bytes never pass the ORM or its audit (product-picture.ts)",
  },
});
