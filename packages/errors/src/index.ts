export * from './app-error.js';
export * from './validate.js';
export * from './money.js';
export * from './quantity.js';
export * from './decimal.js';
export * from './exchange.js';
export * from './calendar.js';
export * from './bounded-map.js';
