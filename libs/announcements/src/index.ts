export * from './announcement-schedule.js';
export * from './announcements.module.js';
export * from './announcements.service.js';
export * from './announcements-visibility.js';
export * from './dto.js';
export { COMPANY_ROOM } from './announcement-events.js';
