// What the timeline's tests share: a customer to record on, and events delivered twice (each must
// be recorded once) followed by a read of that customer's timeline.
import type { CloudEvent } from '@rapport/contracts';
import type { TestPrincipal, TestSubgraph } from '@rapport/subgraph-kit/testing';
import { useCustomersSubgraph } from '../../testing.js';

/** A timeline entry as the tests read it (`module` only when asked for). */
export interface TimelineEntry {
  kind: string;
  module?: string;
  summary: string;
  sourceService: string;
  subjectId: string;
}

/** Creates a company customer named `name` and answers its id. */
export async function createTimelineCustomer(subgraph: TestSubgraph, name: string): Promise<string> {
  const created = await subgraph.must<{ createCustomer: { id: string } }>(`mutation($name: String!) { createCustomer(input: { name: $name, kind: COMPANY }) { id } }`, { name });
  return created.createCustomer.id;
}

/**
 * Delivers each of `events` twice, then answers the customer's first 50 timeline entries, newest
 * first, with `fields` (read as `as` when given, else as the test's default caller).
 */
export async function deliverTwiceAndRead(
  subgraph: TestSubgraph,
  customerId: string,
  events: readonly CloudEvent[],
  options: { fields?: string; as?: TestPrincipal } = {},
): Promise<TimelineEntry[]> {
  for (const event of events) {
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
  }
  type Timeline = { customer: { timeline: { edges: { node: TimelineEntry }[] } } };
  const query = `query($id: ID!) { customer(id: $id) { timeline(first: 50) { edges { node { ${options.fields ?? 'kind summary sourceService subjectId'} } } } } }`;
  const result = options.as ? await subgraph.gqlAs<Timeline>(options.as, query, { id: customerId }) : await subgraph.gql<Timeline>(query, { id: customerId });
  if (result.errors) throw new Error(`reading the timeline: ${JSON.stringify(result.errors)}`);
  return result.data!.customer.timeline.edges.map((e) => e.node);
}

/**
 * The customers subgraph of one timeline test file (with Kafka), and the helpers above bound to it;
 * its customers are named `customerName`.
 */
export function useTimelineSubgraph(customerName: string) {
  const subgraph = useCustomersSubgraph({ kafka: true });
  return {
    subgraph,
    createCustomer: (): Promise<string> => createTimelineCustomer(subgraph, customerName),
    deliverTwiceAndRead: (customerId: string, events: readonly CloudEvent[], options: { fields?: string; as?: TestPrincipal } = {}): Promise<TimelineEntry[]> =>
      deliverTwiceAndRead(subgraph, customerId, events, options),
  };
}
