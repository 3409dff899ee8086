export * from './notifications.module.js';
export * from './realtime/realtime-io.adapter.js';
export * from './realtime/realtime.gateway.js';
