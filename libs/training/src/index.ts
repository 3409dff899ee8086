export * from './dto.js';
export * from './training.module.js';
export * from './training.service.js';
