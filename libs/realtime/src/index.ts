export * from './realtime.module.js';
export * from './realtime-io.adapter.js';
export * from './realtime.gateway.js';
export { RealtimeDelivery, clientPayload, type AfterSend } from './realtime-delivery.js';
