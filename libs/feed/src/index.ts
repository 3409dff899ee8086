export * from './feed.module.js';
