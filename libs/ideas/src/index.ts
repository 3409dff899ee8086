export * from './ideas.module.js';
export { IdeaCommentsService } from './idea-comments.service.js';
export * from './dto.js';
export * from './campaign-rules.js';
export * from './idea-events.js';
export * from './ideas-visibility.js';
export * from './ideas.service.js';
export * from './scorecard.js';
export * from './ranking.js';
