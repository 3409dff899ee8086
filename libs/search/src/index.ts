export * from './dto.js';
export * from './search.module.js';
