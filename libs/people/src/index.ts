export * from './people.module.js';
