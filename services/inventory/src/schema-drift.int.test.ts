import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createInventoryService } from './create-inventory-service.js';

describeSchemaDrift('inventory', createInventoryService, {
  tables: {
    print_order: "confirmed orders' numbers for delivery notes, a read copy kept by raw SQL from sales' events (printing.consumer.ts)",
    product_picture: "products' pictures with their bytes: raw SQL only, so the bytes never pass the ORM or its audit (product-picture.ts)",
    product_search_word: 'every word products have held, for the search to find stand-ins for typed words: filled by triggers, read by raw SQL (product-search.ts)',
  },
  columns: {
    'product.search_words': "each product's words, a stored generated column the database computes; read by the search's raw SQL only (product-search.ts)",
  },
});
