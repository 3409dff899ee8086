export * from './dto.js';
export * from './group-events.js';
export * from './group-rules.js';
export * from './groups.module.js';
export * from './groups.service.js';
export { memberGroupIdsSql } from './group-sql.js';
