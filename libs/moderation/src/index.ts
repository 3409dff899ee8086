export * from './dto.js';
export * from './moderation-rules.js';
export * from './moderation.module.js';
