import { Module } from '@nestjs/common';
import { GroupsModule } from '@ruche/groups';
import { IdentityModule } from '@ruche/identity';
import { PeopleModule } from '@ruche/people';
import { ScimAuthGuard } from './scim-auth.guard.js';
import { ScimController } from './scim.controller.js';
import { ScimGroupsService } from './scim-groups.service.js';
import { ScimUsersService } from './scim-users.service.js';

/**
 * SCIM 2.0 provisioning (#15): the company's identity provider creates, updates and deactivates
 * accounts (identity) with their title, department and manager (people), and pushes groups
 * (groups). An adapter on top of the owners: it owns only the mapping of SCIM groups.
 */
@Module({
  imports: [IdentityModule, PeopleModule, GroupsModule],
  controllers: [ScimController],
  providers: [ScimAuthGuard, ScimUsersService, ScimGroupsService],
})
export class ScimModule {}
