export * from './envelope.js';
export * from './events.js';
export * from './brokers.js';
export * from './subgraphs.js';
