import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { Principal, TokenVerifier } from '@rapport/auth';
import type { AppError } from '@rapport/errors';
import {
  authenticate,
  closeServer,
  createFormatError,
  createHttpApp,
  createLogger,
  inputBoundary,
  listen,
  requireAuthentication,
  type Logger,
} from '@rapport/subgraph-kit';
import { Agent, fetch as undiciFetch } from 'undici';
import type { GatewayConfig } from './config.js';
import { documentRoutes } from './document-routes.js';
import { explorerRoutes } from './explorer.js';
import { leadFormRoute } from './lead-form-route.js';
import { operationLimits } from './operation-limits.js';
import { supergraphPath, type SubgraphName } from './subgraphs.js';

/** Per-request context of the gateway: the verified caller and what it forwards to subgraphs. */
export interface GatewayContext {
  requestId: string;
  principal: Principal | null;
  authError: AppError | null;
  /** The caller's `Authorization` header, forwarded so each subgraph verifies the token again. */
  authorization: string | null;
}

/** Operations a caller may run before signing in (identity's sign-in, the customers' public lead form). */
export const PUBLIC_ROOT_FIELDS = ['signIn', 'refreshSession', 'submitLeadForm'];

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

export interface Gateway {
  start(): Promise<{ url: string }>;
  stop(): Promise<void>;
  readonly logger: Logger;
  readonly url: string;
}

/**
 * The gateway: verifies the caller's token on every request (refusing operations without one,
 * except signing in), serves the checked-in supergraph, forwards the token and the request id
 * (subgraphs verify the token again and trust no other header), and keeps a bounded pool of
 * keep-alive connections to each subgraph.
 */
export function createGateway(config: GatewayConfig & { verifier: TokenVerifier }, options: { logger?: Logger } = {}): Gateway {
  const logger = options.logger ?? createLogger('gateway', config.logLevel);
  const supergraphSdl = config.supergraphSdl ?? readFileSync(supergraphPath, 'utf8');
  const agent = new Agent({ connections: config.subgraphConnections, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000 });
  const fetcher = ((url: string, init: Record<string, unknown>) => undiciFetch(url, { ...init, dispatcher: agent })) as unknown as Fetcher;
  const documents = documentRoutes({ customersUrl: config.subgraphUrls.customers, verifier: config.verifier, maxBytes: config.documentsMaxBytes, logger });
  let server: Server | undefined;
  let apollo: ApolloServer<GatewayContext> | undefined;
  // The website's lead form, posted as a plain HTML form, runs the public `submitLeadForm` through this schema.
  const leadForm = leadFormRoute({
    redirectUrl: config.leadFormRedirectUrl,
    logger,
    submit: async (input, requestId) => {
      if (!apollo) throw new Error('the gateway is not started');
      const response = await apollo.executeOperation(
        { query: 'mutation LeadForm($input: LeadFormInput!) { submitLeadForm(input: $input) { received } }', variables: { input } },
        { contextValue: { requestId, principal: null, authError: null, authorization: null } },
      );
      return response.body.kind === 'single' ? { errors: response.body.singleResult.errors ?? [] } : { errors: [{ message: 'unexpected incremental response' }] };
    },
  });
  let url = '';

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url: routingUrl }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: config.subgraphUrls[name as SubgraphName] ?? routingUrl,
        fetcher,
        willSendRequest: ({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) => {
          if ('requestId' in context && context.requestId) request.http?.headers.set('x-request-id', context.requestId);
          if ('authorization' in context && context.authorization) request.http?.headers.set('authorization', context.authorization);
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
        plugins: [requireAuthentication<GatewayContext>(PUBLIC_ROOT_FIELDS), operationLimits<GatewayContext>(config.limits), inputBoundary<GatewayContext>()],
      });
      await apollo.start();
      server = createHttpApp({
        apollo,
        logger,
        context: async (req, requestId) => ({
          requestId,
          ...(await authenticate(req, config.verifier)),
          authorization: req.headers.authorization ?? null,
        }),
        ready: async () => ({ supergraph: true }),
        routes: config.explorer ? explorerRoutes('/graphql') : {},
        handle: async (req, res, reqUrl, requestId) => (await documents.handle(req, res, reqUrl, requestId)) || leadForm(req, res, reqUrl, requestId),
        maxBodyBytes: config.maxBodyBytes,
      });
      url = await listen(server, config.port, config.host);
      logger.info({ graphql: `${url}/graphql`, explorer: `${url}/explorer` }, 'gateway ready');
      return { url };
    },
    async stop() {
      if (server) await closeServer(server);
      await apollo?.stop();
      await agent.close();
      await documents.close();
      server = undefined;
      apollo = undefined;
    },
  };
}
