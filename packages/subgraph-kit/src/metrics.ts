// The Prometheus text format (0.0.4), written by hand: a few counters and histograms kept in Maps,
// rendered on scrape. Recording a value is a Map lookup and a few additions (no prom-client, whose
// registry, label objects and async collectors cost more per observation than this needs).

/** Latency buckets in seconds, from 2.5 ms to 10 s. */
export const LATENCY_BUCKETS: readonly number[] = [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** `{a="1",b="2"}` for `labels` (empty when there are none). */
export function labelText(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '' : `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

/** One metric's HELP, TYPE and samples. */
export function metricLines(name: string, type: 'counter' | 'gauge' | 'histogram', help: string, samples: readonly [Record<string, string>, number][]): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples.map(([labels, value]) => `${name}${labelText(labels)} ${value}`)];
}

const key = (values: readonly string[]): string => values.join('\u0000');

/** A counter with labels, e.g. requests by operation and status. */
export class Counter {
  private readonly series = new Map<string, { values: readonly string[]; count: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {}

  inc(values: readonly string[], by = 1): void {
    const k = key(values);
    const found = this.series.get(k);
    if (found) found.count += by;
    else this.series.set(k, { values, count: by });
  }

  render(constant: Record<string, string>): string[] {
    return metricLines(
      this.name,
      'counter',
      this.help,
      [...this.series.values()].map(({ values, count }) => [{ ...constant, ...this.labelsOf(values) }, count]),
    );
  }

  private labelsOf(values: readonly string[]): Record<string, string> {
    return Object.fromEntries(this.labelNames.map((n, i) => [n, values[i] ?? '']));
  }
}

interface HistogramSeries {
  values: readonly string[];
  /** Observations per bucket (not cumulative; the last one is +Inf). */
  buckets: number[];
  sum: number;
  count: number;
}

/** A histogram with labels, e.g. request seconds by operation. */
export class Histogram {
  private readonly series = new Map<string, HistogramSeries>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
    readonly bounds: readonly number[] = LATENCY_BUCKETS,
  ) {}

  observe(values: readonly string[], value: number): void {
    const k = key(values);
    let found = this.series.get(k);
    if (!found) {
      found = { values, buckets: new Array<number>(this.bounds.length + 1).fill(0), sum: 0, count: 0 };
      this.series.set(k, found);
    }
    let i = 0;
    while (i < this.bounds.length && value > this.bounds[i]!) i += 1;
    found.buckets[i]! += 1;
    found.sum += value;
    found.count += 1;
  }

  render(constant: Record<string, string>): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { values, buckets, sum, count } of this.series.values()) {
      const labels = { ...constant, ...Object.fromEntries(this.labelNames.map((n, i) => [n, values[i] ?? ''])) };
      let cumulative = 0;
      for (const [i, bound] of [...this.bounds, Number.POSITIVE_INFINITY].entries()) {
        cumulative += buckets[i]!;
        lines.push(`${this.name}_bucket${labelText({ ...labels, le: bound === Number.POSITIVE_INFINITY ? '+Inf' : String(bound) })} ${cumulative}`);
      }
      lines.push(`${this.name}_sum${labelText(labels)} ${sum}`, `${this.name}_count${labelText(labels)} ${count}`);
    }
    return lines;
  }
}

/**
 * Label values that come from callers (operation names) kept to a bounded set: the first `max`
 * distinct values are kept, later new ones become `other`, so a client cannot grow the series without end.
 */
export function boundedLabels(max = 200): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    if (seen.has(value)) return value;
    if (seen.size >= max) return 'other';
    seen.add(value);
    return value;
  };
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;
/** The name of a document's first operation when it comes first (after comments): `query RepCustomers(…` gives RepCustomers. */
const LEADING_OPERATION = /^(?:\s|,|#[^\n]*)*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]{0,127})/;

/**
 * The operation a GraphQL request names, as a metrics label: its `operationName`, else the name of
 * the document's leading operation (a client sending one named operation need not repeat its name),
 * else `anonymous`. Read from the text without parsing it (Apollo parses it after).
 */
export function operationLabel(params: { operationName?: unknown; query?: unknown } | null): string {
  const given = params?.operationName;
  if (typeof given === 'string' && NAME.test(given)) return given;
  return typeof params?.query === 'string' ? (LEADING_OPERATION.exec(params.query)?.[1] ?? 'anonymous') : 'anonymous';
}

/** What every process counts of the GraphQL requests it answers: per operation, how many, with which status, how long. */
export class RequestMetrics {
  private readonly duration = new Histogram('rapport_graphql_request_duration_seconds', 'GraphQL requests answered, by operation name: seconds from arrival to the last byte.', [
    'operation',
  ]);
  private readonly requests = new Counter('rapport_graphql_requests_total', 'GraphQL requests answered, by operation name and HTTP status.', ['operation', 'status']);
  private readonly bounded = boundedLabels();

  record(operation: string, status: number, seconds: number): void {
    const op = this.bounded(operation);
    this.duration.observe([op], seconds);
    this.requests.inc([op, String(status)]);
  }

  render(constant: Record<string, string>): string[] {
    return [...this.requests.render(constant), ...this.duration.render(constant)];
  }
}
