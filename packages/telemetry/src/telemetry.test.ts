import { describe, expect, it } from 'vitest';
import { traceHeaders, tracerOf, tracingFromEnv, tracingOn } from './index.js';

describe('tracing settings from the standard OpenTelemetry variables', () => {
  it('is off unless an OTLP endpoint or exporter is asked for', () => {
    expect(tracingFromEnv({})).toBeNull();
    expect(tracingFromEnv({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBeNull();
    expect(tracingFromEnv({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBeNull();
  });

  it('sends to the endpoint + /v1/traces, the traces endpoint as given, or the default collector', () => {
    expect(tracingFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({ tracesUrl: 'http://collector:4318/v1/traces' });
    expect(tracingFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/otlp/' })).toEqual({ tracesUrl: 'http://collector:4318/otlp/v1/traces' });
    expect(tracingFromEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t:4318/custom', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x:1' })).toEqual({
      tracesUrl: 'http://t:4318/custom',
    });
    expect(tracingFromEnv({ OTEL_TRACES_EXPORTER: 'otlp' })).toEqual({ tracesUrl: 'http://localhost:4318/v1/traces' });
  });

  it('starts nothing while off: no tracer, no headers', () => {
    expect(tracingOn()).toBe(false);
    expect(tracerOf('sales')).toBeNull();
    expect(traceHeaders()).toEqual({});
  });
});
