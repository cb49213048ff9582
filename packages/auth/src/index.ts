export * from './principal.js';
export * from './tokens.js';
