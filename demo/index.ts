export * from './demo-market.js';
