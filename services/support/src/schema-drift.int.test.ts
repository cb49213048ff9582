import { describeSchemaDrift } from '@rapport/subgraph-kit/schema-drift-suite';
import { createSupportService } from './create-support-service.js';

describeSchemaDrift('support', createSupportService, {
  columns: { 'article.search': 'a tsvector PostgreSQL generates from the published (or draft) text; only the raw full-text query reads it (article.service.ts)' },
});
