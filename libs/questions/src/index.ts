export { AnswersService } from './answers.service.js';
export * from './dto.js';
export { questionRoom, questionSubject } from './question-events.js';
export * from './question-insights.js';
export * from './question-queue.js';
export * from './question-routing.js';
export * from './questions.module.js';
export * from './questions.service.js';
export * from './questions-visibility.js';
