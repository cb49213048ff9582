import { runUntilSignal } from '@rapport/subgraph-kit';
import { loadConfig } from './config.js';
import { createIdentityService } from './create-identity-service.js';

const service = createIdentityService(loadConfig(process.env));
await runUntilSignal(service, service.logger);
