import { runUntilSignal } from '@rapport/subgraph-kit';
import { loadConfig } from './config.js';
import { createPurchasingService } from './create-purchasing-service.js';

const service = createPurchasingService(loadConfig(process.env));
await runUntilSignal(service, service.logger);
