export * from './badge-rules.js';
export * from './badges.service.js';
export * from './dto.js';
export * from './kudos.service.js';
export * from './recognition-settings.service.js';
export * from './recognition.module.js';
