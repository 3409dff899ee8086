import { Module } from '@nestjs/common';
import { IdentityModule } from '@ruche/identity';
import { BansService } from './bans.service.js';
import { DirectoryGroups } from './directory-groups.service.js';
import { GroupAccess } from './group-access.js';
import { GroupCatalogService } from './group-catalog.service.js';
import { GroupSearch } from './group-search.js';
import { GroupSuggestions } from './group-suggestions.js';
import { GroupsController, MyGroupsController } from './groups.controller.js';
import { GroupsService } from './groups.service.js';
import { MembershipsService } from './memberships.service.js';
import { GroupsPersonalData } from './groups-personal-data.js';

/**
 * Communities: groups, memberships and join requests, group roles, bans, privacy. Owns the
 * groups, group_memberships and group_bans tables; other modules ask GroupsService or listen to
 * the `group.*` events.
 */
@Module({
  imports: [IdentityModule],
  controllers: [GroupsController, MyGroupsController],
  providers: [
    GroupsPersonalData,
    GroupAccess,
    GroupsService,
    GroupCatalogService,
    MembershipsService,
    BansService,
    GroupSearch,
    DirectoryGroups,
    GroupSuggestions,
  ],
  exports: [GroupsService, DirectoryGroups, GroupSuggestions],
})
export class GroupsModule {}
