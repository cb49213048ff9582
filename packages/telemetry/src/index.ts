import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type TextMapGetter, type Tracer } from '@opentelemetry/api';

export { SpanKind, SpanStatusCode, type Attributes, type Context, type Span, type Tracer };

// OpenTelemetry traces for every Rapport process, in one place. Off unless configured: then no SDK
// is loaded or started, `tracerOf` answers null, and callers skip every span (one null check). On
// (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OTEL_TRACES_EXPORTER=otlp`):
// W3C trace context (`traceparent`) is read from and written to HTTP and Kafka headers, the active
// span follows async calls (AsyncLocalStorage), and each service's spans go by OTLP/HTTP (JSON) in
// batches, under its own `service.name` — also when several services share one process (tests, benches).

/** Where spans go; null when tracing is off. */
export interface TracingSettings {
  /** The OTLP/HTTP traces URL (…/v1/traces). */
  tracesUrl: string;
}

const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318';

/**
 * Tracing as the standard OpenTelemetry variables ask for it: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`
 * (the full URL), else `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`, else `OTEL_TRACES_EXPORTER=otlp`
 * with the default endpoint (localhost:4318). Off when none is set, when `OTEL_TRACES_EXPORTER` names
 * another exporter (`none`), or when `OTEL_SDK_DISABLED=true`.
 */
export function tracingFromEnv(env: Record<string, string | undefined>): TracingSettings | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  if (exporter && exporter !== 'otlp') return null;
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces) return { tracesUrl: new URL(traces).toString() };
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || (exporter === 'otlp' ? DEFAULT_OTLP_ENDPOINT : '');
  if (!endpoint) return null;
  return { tracesUrl: new URL('v1/traces', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).toString() };
}

interface Provider {
  getTracer(name: string): Tracer;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

interface Started {
  settings: TracingSettings;
  newProvider: (service: string) => Provider;
  providers: Map<string, Provider>;
  disable: () => void;
}

let started: Started | undefined;
let starting: Promise<void> | undefined;

/**
 * Starts tracing for this process (the context manager, the W3C propagator, the exporter's
 * modules), once; later calls with tracing on are no-ops, and `null` does nothing at all (no SDK is
 * even loaded). Services call it at start with their configuration's `tracing`.
 */
export async function startTracing(settings: TracingSettings | null): Promise<void> {
  if (!settings || started) return;
  starting ??= (async () => {
    const [{ AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }, { resourceFromAttributes }, { BatchSpanProcessor, TracerProvider }, { OTLPTraceExporter }] =
      await Promise.all([
        import('@opentelemetry/context-async-hooks'),
        import('@opentelemetry/core'),
        import('@opentelemetry/resources'),
        import('@opentelemetry/sdk-trace'),
        import('@opentelemetry/exporter-trace-otlp-http'),
      ]);
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    started = {
      settings,
      providers: new Map(),
      newProvider: (service) =>
        new TracerProvider({
          resource: resourceFromAttributes({ 'service.name': `rapport-${service}`, 'service.namespace': 'rapport' }),
          spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: settings.tracesUrl }), scheduledDelayMillis: 1000 })],
        }),
      disable: () => {
        context.disable();
        propagation.disable();
        manager.disable();
      },
    };
  })().finally(() => (starting = undefined));
  await starting;
}

/** Whether tracing runs in this process. */
export const tracingOn = (): boolean => started !== undefined;

/** Service `service`'s tracer (its spans carry `service.name` rapport-<service>); null while tracing is off. */
export function tracerOf(service: string): Tracer | null {
  if (!started) return null;
  let provider = started.providers.get(service);
  if (!provider) {
    provider = started.newProvider(service);
    started.providers.set(service, provider);
  }
  return provider.getTracer('@rapport/telemetry');
}

/** Sends the spans service `service` has ended and not yet exported (at stop; tests before reading them). */
export async function flushTracing(service?: string): Promise<void> {
  if (!started) return;
  const providers = service ? [started.providers.get(service)].filter((p) => p !== undefined) : [...started.providers.values()];
  await Promise.all(providers.map((p) => p.forceFlush().catch(() => undefined)));
}

/** Stops tracing in this process: flushes and shuts every service's exporter, unregisters the context manager and propagator. */
export async function stopTracing(): Promise<void> {
  const current = started;
  if (!current) return;
  started = undefined;
  await Promise.all([...current.providers.values()].map((p) => p.shutdown().catch(() => undefined)));
  current.disable();
}

/** Reads header values that may be Buffers or lists (Kafka's), or strings (HTTP's). */
const headerGetter: TextMapGetter<Record<string, unknown>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (first === undefined || first === null) return undefined;
    return Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  },
};

/** The trace context `headers` carry (`traceparent`, `tracestate`), on top of no active span. */
export const contextFrom = (headers: Record<string, unknown> | undefined): Context => (headers ? propagation.extract(ROOT_CONTEXT, headers, headerGetter) : ROOT_CONTEXT);

/** The headers that carry `ctx` (the active context by default) onward: `traceparent` and `tracestate`; none while tracing is off. */
export function traceHeaders(ctx: Context = context.active()): Record<string, string> {
  const headers: Record<string, string> = {};
  if (started) propagation.inject(ctx, headers);
  return headers;
}

/** The context whose span is `span`, on top of `parent` (the active one by default). */
export const contextOf = (span: Span, parent: Context = context.active()): Context => trace.setSpan(parent, span);

/** Runs `fn` in `ctx`. */
export const withContext = <T>(ctx: Context, fn: () => T): T => context.with(ctx, fn);

/** Runs `fn` with `span` active (its child spans and the headers written meanwhile continue it). */
export const withSpan = <T>(span: Span, fn: () => T): T => context.with(trace.setSpan(context.active(), span), fn);

/** The span active here, if any. */
export const activeSpan = (): Span | undefined => trace.getActiveSpan();

/** Ends `span` as failed with `error`. */
export function failSpan(span: Span, error: unknown): void {
  if (error instanceof Error) span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/**
 * Runs `fn` in a new span of `tracer` whose parent is `parent` (the active context by default),
 * ending it when `fn` settles and marking it failed when `fn` throws. With no tracer, just runs `fn`.
 */
export async function inSpan<T>(
  tracer: Tracer | null,
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context },
  fn: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!tracer) return fn(undefined);
  const span = tracer.startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, ...(options.attributes ? { attributes: options.attributes } : {}) },
    options.parent ?? context.active(),
  );
  try {
    return await context.with(trace.setSpan(options.parent ?? context.active(), span), () => fn(span));
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}
