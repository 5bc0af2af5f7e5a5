export * from './config.js';
export * from './package-root.js';
