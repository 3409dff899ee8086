export * from './scim.module.js';
