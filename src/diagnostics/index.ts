export * from './diagnostic.js';
export * from './did-you-mean.js';
export * from './characters.js';
export * from './display-path.js';
export * from './usage-error.js';
