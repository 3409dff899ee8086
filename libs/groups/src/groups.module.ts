import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@ruche/identity';
import { BansService } from './bans.service.js';
import { GroupAccess } from './group-access.js';
import { GroupBanEntity } from './group-ban.entity.js';
import { GroupCatalogService } from './group-catalog.service.js';
import { GroupMembershipEntity } from './group-membership.entity.js';
import { GroupSearch } from './group-search.js';
import { GroupEntity } from './group.entity.js';
import { GroupsController, MyGroupsController } from './groups.controller.js';
import { GroupsService } from './groups.service.js';
import { MembershipsService } from './memberships.service.js';

/**
 * Communities: groups, memberships and join requests, group roles, bans, privacy. Owns the
 * groups, group_memberships and group_bans tables; other modules ask GroupsService or listen to
 * the `group.*` events.
 */
@Module({
  imports: [TypeOrmModule.forFeature([GroupEntity, GroupMembershipEntity, GroupBanEntity]), IdentityModule],
  controllers: [GroupsController, MyGroupsController],
  providers: [GroupAccess, GroupsService, GroupCatalogService, MembershipsService, BansService, GroupSearch],
  exports: [GroupsService],
})
export class GroupsModule {}
