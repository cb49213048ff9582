import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { closeServer, createFormatError, createHttpApp, createLogger, listen, type Logger } from '@rapport/subgraph-kit';
import { Agent, fetch as undiciFetch } from 'undici';
import type { GatewayConfig } from './config.js';
import { explorerRoutes } from './explorer.js';
import { supergraphPath, type SubgraphName } from './subgraphs.js';

/** Per-request context of the gateway: the request id it forwards to every subgraph. */
export interface GatewayContext {
  requestId: string;
}

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

export interface Gateway {
  start(): Promise<{ url: string }>;
  stop(): Promise<void>;
  readonly logger: Logger;
  readonly url: string;
}

/**
 * The gateway: verifies nothing yet about callers (identity comes with sign-in), serves the
 * checked-in supergraph, forwards the request id, and keeps a bounded pool of keep-alive
 * connections to each subgraph.
 */
export function createGateway(config: GatewayConfig, options: { logger?: Logger } = {}): Gateway {
  const logger = options.logger ?? createLogger('gateway', config.logLevel);
  const supergraphSdl = config.supergraphSdl ?? readFileSync(supergraphPath, 'utf8');
  const agent = new Agent({ connections: config.subgraphConnections, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000 });
  const fetcher = ((url: string, init: Record<string, unknown>) => undiciFetch(url, { ...init, dispatcher: agent })) as unknown as Fetcher;
  let server: Server | undefined;
  let apollo: ApolloServer<GatewayContext> | undefined;
  let url = '';

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url: routingUrl }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: config.subgraphUrls[name as SubgraphName] ?? routingUrl,
        fetcher,
        willSendRequest: ({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) => {
          if ('requestId' in context && context.requestId) request.http?.headers.set('x-request-id', context.requestId);
        },
      }),
  });

  return {
    logger,
    get url() {
      return url;
    },
    async start() {
      apollo = new ApolloServer<GatewayContext>({
        gateway,
        introspection: true,
        includeStacktraceInErrorResponses: false,
        formatError: createFormatError(logger),
      });
      await apollo.start();
      server = createHttpApp({
        apollo,
        logger,
        context: async (_req, requestId) => ({ requestId }),
        ready: async () => ({ supergraph: true }),
        routes: explorerRoutes('/graphql'),
      });
      url = await listen(server, config.port, config.host);
      logger.info({ graphql: `${url}/graphql`, explorer: `${url}/explorer` }, 'gateway ready');
      return { url };
    },
    async stop() {
      if (server) await closeServer(server);
      await apollo?.stop();
      await agent.close();
      server = undefined;
      apollo = undefined;
    },
  };
}
