export * from './dto.js';
export * from './mentoring.module.js';
export * from './mentoring.service.js';
