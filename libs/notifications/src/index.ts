export * from './notifications.module.js';
export * from './dto.js';
export * from './notification-kinds.js';
export { NotificationsService } from './notifications.service.js';
export { NotificationSettingsService, type EmailTopic } from './notification-settings.service.js';
export { DigestService } from './digest.service.js';
