export * from './dto.js';
export * from './directory-groups.service.js';
export * from './group-events.js';
export * from './group-handle.js';
export * from './group-rules.js';
export * from './groups.module.js';
export * from './groups.service.js';
export * from './group-suggestions.js';
export { memberGroupIdsSql } from './group-sql.js';
