import { runUntilSignal } from '@rapport/subgraph-kit';
import { loadConfig } from './config.js';
import { createSupportService } from './create-support-service.js';

const service = createSupportService(loadConfig(process.env));
await runUntilSignal(service, service.logger);
