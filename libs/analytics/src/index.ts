export * from './analytics.module.js';
export * from './dto.js';
export { METRIC_DEFINITIONS, healthScore, HEALTH_WEIGHTS, periodOf } from './metrics.js';
