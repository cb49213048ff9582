import { runUntilSignal, verifierFromEnv } from '@rapport/subgraph-kit';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './create-gateway.js';

const gateway = createGateway({ ...loadGatewayConfig(process.env), verifier: verifierFromEnv(process.env) });
await runUntilSignal(gateway, gateway.logger);
