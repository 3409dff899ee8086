export * from './dto.js';
export * from './identity.module.js';
export * from './identity.service.js';
export * from './user-summary.js';
export type { AccountStatus } from './user.entity.js';
