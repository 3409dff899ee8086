export * from './notifications.module.js';
export * from './dto.js';
export * from './notification-kinds.js';
export { NotificationsService } from './notifications.service.js';
export { DigestMailer } from './digest-mailer.js';
