import { runUntilSignal } from '@rapport/subgraph-kit';
import { loadConfig } from './config.js';
import { createCustomersService } from './create-customers-service.js';

const service = createCustomersService(loadConfig(process.env));
await runUntilSignal(service, service.logger);
