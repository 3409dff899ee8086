export * from './dto.js';
export * from './push.module.js';
export * from './push-endpoints.js';
export { NotificationPush } from './notification-push.js';
export { PushSettingsService, MAX_SUBSCRIPTIONS_PER_PERSON } from './push-settings.service.js';
export { isQuiet, minutesOf, timeOf, type QuietHours } from './quiet-hours.js';
