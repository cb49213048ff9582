import { runUntilSignal } from '@rapport/subgraph-kit';
import { loadConfig } from './config.js';
import { createInventoryService } from './create-inventory-service.js';

const service = createInventoryService(loadConfig(process.env));
await runUntilSignal(service, service.logger);
