// The kafkajs 2.2.4 modules @rapport/bus reaches by path (kafkajs has no `exports` map, so they
// resolve), imported rather than required so a bundle holds the one copy kafkajs itself uses.
declare module 'kafkajs/src/network/requestQueue/index.js' {
  /** kafkajs' per-connection request queue; `kafka.ts` patches its prototype. */
  const RequestQueue: { prototype: object };
  export default RequestQueue;
}

declare module 'kafkajs/src/network/socketFactory.js' {
  import type { ISocketFactory } from 'kafkajs';
  /** kafkajs' default socket factory (plain TCP, or TLS when `ssl` is set). */
  const defaultSocketFactory: () => ISocketFactory;
  export default defaultSocketFactory;
}

declare module 'kafkajs/src/cluster/index.js' {
  /** kafkajs' cluster (brokers, metadata, coordinator lookups); `kafka.ts` patches its prototype. */
  const Cluster: { prototype: object };
  export default Cluster;
}

declare module 'kafkajs/src/errors.js' {
  import type { KafkaJSProtocolError } from 'kafkajs';
  /** kafkajs' error classes (its index re-exports them with a spread, which ESM named imports miss). */
  const errors: { KafkaJSProtocolError: typeof KafkaJSProtocolError };
  export default errors;
}

declare module 'kafkajs/src/consumer/consumerGroup.js' {
  /** kafkajs' consumer group member (join, sync, heartbeats, offsets); `kafka.ts` patches its prototype. */
  const ConsumerGroup: { prototype: object };
  export default ConsumerGroup;
}
