import { describe, expect, it } from 'vitest';
import { boundedLabels, Counter, Histogram, operationLabel } from './metrics.js';

describe('metrics in the Prometheus text format', () => {
  it('renders a histogram with cumulative buckets, +Inf, sum and count per label set', () => {
    const histogram = new Histogram('x_seconds', 'Some seconds.', ['operation'], [0.1, 1]);
    histogram.observe(['A'], 0.05);
    histogram.observe(['A'], 0.1);
    histogram.observe(['A'], 0.5);
    histogram.observe(['A'], 3);
    histogram.observe(['B "quoted"'], 2);
    expect(histogram.render({ service: 's' })).toEqual([
      '# HELP x_seconds Some seconds.',
      '# TYPE x_seconds histogram',
      'x_seconds_bucket{service="s",operation="A",le="0.1"} 2',
      'x_seconds_bucket{service="s",operation="A",le="1"} 3',
      'x_seconds_bucket{service="s",operation="A",le="+Inf"} 4',
      'x_seconds_sum{service="s",operation="A"} 3.65',
      'x_seconds_count{service="s",operation="A"} 4',
      'x_seconds_bucket{service="s",operation="B \\"quoted\\"",le="0.1"} 0',
      'x_seconds_bucket{service="s",operation="B \\"quoted\\"",le="1"} 0',
      'x_seconds_bucket{service="s",operation="B \\"quoted\\"",le="+Inf"} 1',
      'x_seconds_sum{service="s",operation="B \\"quoted\\""} 2',
      'x_seconds_count{service="s",operation="B \\"quoted\\""} 1',
    ]);
  });

  it('counts per label set', () => {
    const counter = new Counter('x_total', 'Things.', ['operation', 'status']);
    counter.inc(['A', '200']);
    counter.inc(['A', '200']);
    counter.inc(['A', '400'], 3);
    expect(counter.render({})).toEqual(['# HELP x_total Things.', '# TYPE x_total counter', 'x_total{operation="A",status="200"} 2', 'x_total{operation="A",status="400"} 3']);
  });

  it('keeps at most a bounded number of caller-given label values, the rest as "other"', () => {
    const bounded = boundedLabels(2);
    expect(['a', 'b', 'c', 'a', 'd', 'b'].map(bounded)).toEqual(['a', 'b', 'other', 'a', 'other', 'b']);
  });

  it("labels a request by its operationName, else its document's leading operation, else anonymous", () => {
    expect(operationLabel({ operationName: 'RepCustomers', query: 'query Other { a }' })).toBe('RepCustomers');
    expect(operationLabel({ query: '# a comment\nquery RepCustomers($o: ID) { a }' })).toBe('RepCustomers');
    expect(operationLabel({ query: '  mutation Sign { a }' })).toBe('Sign');
    expect(operationLabel({ query: '{ a }' })).toBe('anonymous');
    expect(operationLabel({ operationName: 'bad name"', query: 'query { a }' })).toBe('anonymous');
    expect(operationLabel(null)).toBe('anonymous');
  });
});
