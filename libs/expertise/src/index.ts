export * from './dto.js';
export * from './expertise.module.js';
export * from './expertise.service.js';
export * from './expert-search.service.js';
export * from './skill-synonyms.service.js';
export { rankPerson, topicPoints, WEIGHTS, type PersonEvidence, type TopicCounters, type TopicMatch } from './scoring.js';
export { topicScoreSql } from './expert-sql.js';
export { hasTopicKey, planQuery, postTopics, significantWords, topicKey, tokens, type SynonymMap } from './topics.js';
