import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Principal, TokenVerifier } from '@rapport/auth';
import { PUBLIC_ROOT_FIELDS } from '@rapport/contracts';
import type { AppError } from '@rapport/errors';
import {
  authenticate,
  cachedProbe,
  Counter,
  graphqlSpanPlugin,
  Histogram,
  RequestMetrics,
  closeServer,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  createFormatError,
  createHttpApp,
  createLogger,
  createOperationGuard,
  GATEWAY_SECRET_HEADER,
  httpStatusPlugin,
  createRevocationFeed,
  inputBoundary,
  listen,
  requireAuthentication,
  RevocationList,
  revokingVerifier,
  withinBound,
  type Logger,
  type RevocationFeed,
} from '@rapport/subgraph-kit';
import { flushTracing, startTracing, tracerOf, type Tracer } from '@rapport/telemetry';
import { GraphQLError } from 'graphql';
import { Agent } from 'undici';
import type { GatewayConfig } from './config.js';
import { documentRoutes } from './document-routes.js';
import { printRoutes } from './print-routes.js';
import { rememberingGuard } from './remembering-guard.js';
import { explorerRoutes } from './explorer.js';
import { leadFormRoute } from './lead-form-route.js';
import { installFastShaping } from './fast-shaping.js';
import { oneFetchShortcut, takePreparedAnswer } from './one-fetch-shortcut.js';
import { installOperationCache } from './operation-cache.js';
import { dispatcherFetcher, PlainHeaders } from './subgraph-fetcher.js';
import { SUBGRAPHS, supergraphPath, type SubgraphName } from './subgraphs.js';

/**
 * The gateway's readiness: each subgraph's own `/ready` answers 200 within 1 s (asked at most once
 * a second per subgraph, outside the pool of connections that carry queries).
 */
function subgraphReadiness(urls: Record<SubgraphName, string>): () => Promise<Record<string, boolean>> {
  const probes = SUBGRAPHS.map(({ name }) => {
    const readyUrl = new URL('/ready', urls[name]);
    return [
      name,
      cachedProbe(async () => {
        const response = await fetch(readyUrl, { signal: AbortSignal.timeout(1000) });
        await response.body?.cancel();
        if (!response.ok) throw new Error(`${name} is not ready (${response.status})`);
      }),
    ] as const;
  });
  return async () => Object.fromEntries(await Promise.all(probes.map(async ([name, probe]) => [name, await probe()] as const)));
}

/** Per-request context of the gateway: the verified caller and what it forwards to subgraphs. */
export interface GatewayContext {
  requestId: string;
  principal: Principal | null;
  authError: AppError | null;
  /** The caller's `Authorization` header, forwarded so each subgraph verifies the token again. */
  authorization: string | null;
  /** The caller's `Idempotency-Key` header, forwarded so each subgraph runs a retried mutation once. */
  idempotencyKey?: string | null;
  /** Set when a subgraph answered with the stored answer of an earlier request with the same key. */
  replayed?: boolean;
  /** Mutation steps of the query plan sent so far (each gets its own key). */
  mutationSteps?: number;
}

/** Tells the client, with `Idempotent-Replayed: true`, that its retried mutation was answered from the first run. */
const replayedHeader: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (contextValue.replayed) response.http.headers.set(IDEMPOTENT_REPLAYED_HEADER, 'true');
      },
    };
  },
};

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** Codes a subgraph's refusal keeps at the gateway (anything else becomes INTERNAL_SERVER_ERROR). */
const SUBGRAPH_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

/**
 * A subgraph data source that passes on what a subgraph says when it refuses a request with a 4xx
 * (its limits, a revoked token): the subgraph's message and code, not "400: Bad Request".
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /**
   * RemoteGraphQLDataSource's `process` without what this gateway never uses and pays for on every
   * subgraph call: a node-fetch `Request` built for error hooks nobody overrides (a legacy
   * `url.parse` and a copy of the body each time) and node-fetch's `Headers` (`PlainHeaders`
   * instead). Same steps otherwise: headers, `willSendRequest`, the body `{query, ...the rest}`
   * POSTed as JSON, a non-2xx answer through `errorFromResponse`, a non-object body refused, then
   * `didReceiveResponse`. Automatic persisted queries (`apq`) and subgraph cache-control hints
   * (`honorSubgraphCacheControlHeader`) are not supported here; the gateway turns both off.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    // The one-fetch shortcut gave this request's answer back to Apollo: the call was made already.
    const prepared = 'context' in options ? takePreparedAnswer(options.context, request.query) : undefined;
    if (prepared) {
      if (!prepared.ok) throw prepared.error;
      return prepared.response;
    }
    const headers = new PlainHeaders(request.http?.headers);
    headers.set('content-type', 'application/json');
    request.http = { method: 'POST', url: this.url, headers };
    if (this.willSendRequest) await this.willSendRequest(options);
    if (!request.query) throw new Error('Missing query');
    const { http, query, ...rest } = request;
    const response = await this.fetcher(http.url, { method: http.method, headers: Object.fromEntries(http.headers), body: JSON.stringify({ query, ...rest }) });
    if (!response.ok) throw await this.errorFromResponse(response);
    const body = await this.parseBody(response);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    const answer: GatewayGraphQLResponse = { ...body, http: response };
    if (!this.didReceiveResponse) return answer;
    const pathInIncomingRequest = 'pathInIncomingRequest' in options ? options.pathInIncomingRequest : undefined;
    return this.didReceiveResponse({ response: answer, request, context: options.context as GatewayContext, ...(pathInIncomingRequest ? { pathInIncomingRequest } : {}) });
  }

  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const fallback = await super.errorFromResponse(response);
    const body = (fallback.extensions.response as { body?: unknown } | undefined)?.body;
    const first = typeof body === 'object' && body !== null && 'errors' in body && Array.isArray(body.errors) ? (body.errors[0] as unknown) : undefined;
    if (typeof first !== 'object' || first === null || !('message' in first) || typeof first.message !== 'string') return fallback;
    const extensions = 'extensions' in first && typeof first.extensions === 'object' && first.extensions !== null ? (first.extensions as Record<string, unknown>) : {};
    if (typeof extensions.code !== 'string' || !SUBGRAPH_CODES.has(extensions.code)) return fallback;
    const { code, reason, field } = extensions;
    return new GraphQLError(first.message, { extensions: { code, ...(typeof reason === 'string' ? { reason } : {}), ...(typeof field === 'string' ? { field } : {}) } });
  }
}

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
  // What /metrics shows: requests per operation, and each subgraph's answers as the gateway waits for them.
  const requestMetrics = new RequestMetrics();
  const fetchSeconds = new Histogram(
    'rapport_gateway_subgraph_fetch_duration_seconds',
    "The gateway's requests to each subgraph: seconds from sending to having read the whole answer.",
    ['subgraph'],
  );
  const fetchFailures = new Counter('rapport_gateway_subgraph_fetch_failures_total', "The gateway's requests to a subgraph that got no answer (refused, reset, timed out).", [
    'subgraph',
  ]);
  const renderMetrics = async (): Promise<string> =>
    `${[...requestMetrics.render({ service: 'gateway' }), ...fetchSeconds.render({ service: 'gateway' }), ...fetchFailures.render({ service: 'gateway' }), ...taken.render({ service: 'gateway' })].join('\n')}\n`;
  // Set at start while tracing is on (OTLP configured); null otherwise, and nothing is traced.
  let tracer: Tracer | null = null;
  // Revoked tokens (sign-out, deactivation) are refused here as soon as the gateway reads identity's
  // event from Kafka, and by every subgraph as soon as it handles it.
  const revocations = new RevocationList();
  const verifier = revokingVerifier(config.verifier, revocations);
  const revocationFeed: RevocationFeed | null = config.kafkaBrokers.length
    ? createRevocationFeed({ brokers: config.kafkaBrokers, topicPrefix: config.topicPrefix, list: revocations, logger, clientId: 'rapport-gateway' })
    : null;
  const documents = documentRoutes({
    customersUrl: config.subgraphUrls.customers,
    verifier,
    maxBytes: config.documentsMaxBytes,
    logger,
    gatewaySecret: config.gatewaySecret,
  });
  const prints = printRoutes({
    urls: {
      sales: config.subgraphUrls.sales,
      identity: config.subgraphUrls.identity,
      inventory: config.subgraphUrls.inventory,
      purchasing: config.subgraphUrls.purchasing,
      finance: config.subgraphUrls.finance,
    },
    verifier,
    logger,
    gatewaySecret: config.gatewaySecret,
  });
  // The same document asked again by a signed-in caller passes without being parsed and measured again.
  const guard = rememberingGuard(createOperationGuard({ limits: config.limits, publicRootFields: PUBLIC_ROOT_FIELDS, sdl: supergraphSdl }));
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

  // Queries one subgraph answers whole skip Apollo's result shaping when it would change nothing;
  // not while tracing, where Apollo's own spans (plan, fetch, post-processing) are part of the trace.
  const taken = new Counter('rapport_gateway_one_fetch_shortcut_total', "Queries answered by one subgraph's data as it came, without Apollo's result shaping.", []);
  const shortcut = config.oneFetchShortcut === false ? null : oneFetchShortcut({ taken: () => taken.inc([]) });
  // Apollo's result shaping, for every plan: the same answers, without its per-field overhead.
  installFastShaping();
  // executeQueryPlan's operation, rebuilt from the same parsed document on every request: built once.
  installOperationCache();
  const gateway = new ApolloGateway({
    supergraphSdl,
    ...(shortcut ? { experimental_didResolveQueryPlan: shortcut.didResolveQueryPlan } : {}),
    buildService: ({ name, url: routingUrl }) =>
      new SubgraphDataSource({
        url: config.subgraphUrls[name as SubgraphName] ?? routingUrl,
        fetcher: dispatcherFetcher(agent, { subgraph: name, seconds: fetchSeconds, failures: fetchFailures, tracer: () => tracer }, { dedupe: config.dedupeSubgraphRequests }),
        // No cache hints are used, so the subgraphs' cache-control headers need no parsing.
        honorSubgraphCacheControlHeader: false,
        willSendRequest: ({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) => {
          if ('requestId' in context && context.requestId) request.http?.headers.set('x-request-id', context.requestId);
          if ('authorization' in context && context.authorization) request.http?.headers.set('authorization', context.authorization);
          if (config.gatewaySecret) request.http?.headers.set(GATEWAY_SECRET_HEADER, config.gatewaySecret);
          if ('idempotencyKey' in context && context.idempotencyKey && request.query?.trimStart().startsWith('mutation')) {
            // The plan's mutation steps run one after another, in a fixed order: the second and later
            // steps get a key of their own, so a retry of the whole operation maps step to step.
            context.mutationSteps = (context.mutationSteps ?? 0) + 1;
            const key = context.mutationSteps === 1 ? context.idempotencyKey : `${context.idempotencyKey}#${context.mutationSteps}`;
            request.http?.headers.set(IDEMPOTENCY_KEY_HEADER, key);
          }
        },
        didReceiveResponse: ({ response, context }) => {
          if (response.http?.headers.get(IDEMPOTENT_REPLAYED_HEADER) === 'true' && 'requestId' in context) context.replayed = true;
          return response;
        },
      }),
  });

  return {
    logger,
    get url() {
      return url;
    },
    async start() {
      await startTracing(config.tracing ?? null);
      tracer = tracerOf('gateway');
      await revocationFeed?.start();
      apollo = new ApolloServer<GatewayContext>({
        gateway: shortcut && !tracer ? shortcut.wrap(gateway) : gateway,
        introspection: true,
        includeStacktraceInErrorResponses: false,
        // `stop` drains HTTP first and stops Apollo after; Apollo's own SIGTERM handler would stop it
        // at once, failing every request still arriving on a kept-alive connection.
        stopOnTerminationSignals: false,
        formatError: createFormatError(logger),
        // No automatic persisted queries: every document arrives in full, so the guard sees it.
        persistedQueries: false,
        parseOptions: { maxTokens: config.limits.maxTokens },
        plugins: [
          // No cache hints are used, and Apollo's default cache-control plugin hooks every resolved field.
          ApolloServerPluginCacheControlDisabled(),
          requireAuthentication<GatewayContext>(PUBLIC_ROOT_FIELDS),
          inputBoundary<GatewayContext>(),
          httpStatusPlugin<GatewayContext>(),
          replayedHeader,
          ...(tracer ? [graphqlSpanPlugin<GatewayContext>()] : []),
        ],
      });
      await apollo.start();
      server = createHttpApp({
        apollo,
        logger,
        context: async (req, requestId) => ({
          requestId,
          ...(await authenticate(req, verifier)),
          authorization: req.headers.authorization ?? null,
          idempotencyKey: (req.headers[IDEMPOTENCY_KEY_HEADER] as string | undefined) ?? null,
        }),
        ready: subgraphReadiness(config.subgraphUrls),
        routes: config.explorer ? explorerRoutes('/graphql') : {},
        handle: async (req, res, reqUrl, requestId) =>
          (await documents.handle(req, res, reqUrl, requestId)) || (await prints.handle(req, res, reqUrl, requestId)) || leadForm(req, res, reqUrl, requestId),
        maxBodyBytes: config.limits.maxBodyBytes,
        // Depth, aliases, root fields, page sizes, cost and sign-in, before Apollo parses or validates anything.
        guard,
        metrics: renderMetrics,
        requestMetrics,
        tracer,
      });
      url = await listen(server, config.port, config.host);
      logger.info({ graphql: `${url}/graphql`, explorer: `${url}/explorer` }, 'gateway ready');
      return { url };
    },
    async stop() {
      // Drain (bounded by closeServer), then Apollo; the subgraph pool is closed without waiting on
      // subgraphs that no longer answer.
      if (server) await closeServer(server);
      await withinBound(apollo?.stop(), 1_000);
      await withinBound(agent.close(), 1_000).then((outcome) => (outcome === 'timeout' ? agent.destroy() : undefined));
      await documents.close();
      await prints.close();
      await revocationFeed?.stop();
      await withinBound(flushTracing('gateway'), 2_000);
      server = undefined;
      apollo = undefined;
    },
  };
}
