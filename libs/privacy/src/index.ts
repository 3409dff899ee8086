export * from './privacy.module.js';
export * from './exports.service.js';
export * from './erasure.service.js';
export * from './exports-sql.js';
