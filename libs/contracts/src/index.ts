/**
 * The contracts layer: event names and payloads, and the wire shapes they carry. Below every
 * domain module and beside platform (which types its event bus with the map), importable by all,
 * the web app included; it imports nothing.
 */
export * from './api-errors.js';
export * from './client-events.js';
export * from './domain-events.js';
export * from './files.js';
export * from './link-previews.js';
export * from './search.js';
export * from './events/announcements.js';
export * from './events/content.js';
export * from './events/email.js';
export * from './events/expertise.js';
export * from './events/feed.js';
export * from './events/groups.js';
export * from './events/identity.js';
export * from './events/ideas.js';
export * from './events/mentoring.js';
export * from './events/moderation.js';
export * from './events/notifications.js';
export * from './events/people.js';
export * from './events/privacy.js';
export * from './events/questions.js';
export * from './events/recognition.js';
export * from './events/training.js';
