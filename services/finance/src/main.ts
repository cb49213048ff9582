import { runUntilSignal } from '@rapport/subgraph-kit';
import { loadConfig } from './config.js';
import { createFinanceService } from './create-finance-service.js';

const service = createFinanceService(loadConfig(process.env));
await runUntilSignal(service, service.logger);
