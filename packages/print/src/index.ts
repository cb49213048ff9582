export * from './document.js';
export * from './format.js';
export * from './render.js';
export * from './company.js';
