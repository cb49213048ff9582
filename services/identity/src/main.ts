import { runUntilSignal } from '@rapport/subgraph-kit';
import { loadConfig, loadIdentityOptions } from './config.js';
import { createIdentityService } from './create-identity-service.js';

const service = createIdentityService(loadConfig(process.env), loadIdentityOptions(process.env));
await runUntilSignal(service, service.logger);
