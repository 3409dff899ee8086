export * from './feed.module.js';
export { CommentsService } from './comments.service.js';
export * from './dto.js';
export * from './feed-events.js';
export * from './feed-visibility.js';
export * from './mentions.js';
export * from './posts.service.js';
export * from './reaction-kinds.js';
export * from './timeline.service.js';
