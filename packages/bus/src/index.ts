export * from './outbox.entity.js';
export * from './bus-tables.migration.js';
export * from './enqueue.js';
export * from './kafka.js';
export * from './relay.js';
export * from './consumer.js';
export * from './replay.js';
export * from './publish.js';
