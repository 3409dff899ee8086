import { Module } from '@nestjs/common';
import { IdentityModule } from '@ruche/identity';
import { MembershipSync } from './realtime/membership-sync.js';
import { RealtimeDelivery } from './realtime/realtime-delivery.js';
import { RealtimeGateway } from './realtime/realtime.gateway.js';

@Module({
  imports: [IdentityModule],
  providers: [RealtimeGateway, RealtimeDelivery, MembershipSync],
  exports: [RealtimeGateway],
})
export class NotificationsModule {}
