import { runUntilSignal } from '@rapport/subgraph-kit';
import { loadConfig } from './config.js';
import { createSalesService } from './create-sales-service.js';

const service = createSalesService(loadConfig(process.env));
await runUntilSignal(service, service.logger);
