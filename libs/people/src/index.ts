export * from './dto.js';
export * from './people.module.js';
export * from './people.service.js';
export * from './org-fields.service.js';
export { followersRoom } from './follow-rooms.js';
export { skillKey } from './skill.js';
export * from './follow-sql.js';
export * from './colleague-suggestions.js';
