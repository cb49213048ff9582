// Its own tsconfig (bench/hive/tsconfig.json, DOM lib): its dependencies' types reference the DOM library, which
// would change fetch's types for the whole gateway program.
// Hive Gateway (MIT, The Guild's `@graphql-hive/gateway-runtime`, its JavaScript query planner) on our
// composed supergraph, as a process of its own for `system.bench.ts`: it shows the graph stays
// portable (the bench asserts the same answers as our gateway's) and gives a second figure beside ours.
// Plain Node runs this file (type stripping): it imports packages only.
//   PORT=4100 HIVE_DEDUPE=0 HIVE_SUPERGRAPH=gateway/supergraph.graphql SUBGRAPH_SALES_URL=… node gateway/bench/hive/gateway.ts
// Each subgraph's routing URL is replaced by SUBGRAPH_<NAME>_URL where set (the ports the bench
// launched them on); the caller's Authorization header goes to every subgraph, as our gateway sends it.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';

const port = Number(process.env.PORT ?? 4100);
const supergraph = readFileSync(process.env.HIVE_SUPERGRAPH ?? 'gateway/supergraph.graphql', 'utf8').replace(
  /@join__graph\(name: "(\w+)", url: "([^"]+)"\)/g,
  (_all, name: string, url: string) => `@join__graph(name: "${name}", url: "${process.env[`SUBGRAPH_${name.toUpperCase()}_URL`] ?? url}")`,
);

const gateway = createGatewayRuntime({
  supergraph,
  logging: 'warn',
  // A subgraph's error reaches the caller as it does through our gateway (the bench compares answers).
  maskedErrors: false,
  landingPage: false,
  graphiql: false,
  readinessCheckEndpoint: '/ready',
  // Hive's HTTP executor shares one subgraph request among identical ones in flight (its default);
  // HIVE_DEDUPE=0 turns that off, for a comparison with our gateway, which does not.
  ...(process.env.HIVE_DEDUPE === '0' ? { transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } } } : {}),
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }),
  },
});

// The gateway is a Node request listener that answers a promise; the server does not await it.
const server = createServer((request, response) => void gateway(request, response));
server.listen(port, '127.0.0.1');
const stop = (): void => {
  server.close();
  void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
