import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@ruche/identity';
import { FollowRooms } from './follow-rooms.js';
import { FollowEntity } from './follow.entity.js';
import { OrgFieldsService } from './org-fields.service.js';
import { PeopleDirectory } from './people-directory.service.js';
import { PeopleController } from './people.controller.js';
import { PeopleService } from './people.service.js';
import { PersonSearch } from './person-search.js';
import { ProfileProvisioning } from './profile-provisioning.js';
import { ProfileEntity } from './profile.entity.js';

/** Profiles, skills and endorsements, follows. Reads people's names only through IdentityService. */
@Module({
  imports: [TypeOrmModule.forFeature([ProfileEntity, FollowEntity]), IdentityModule],
  controllers: [PeopleController],
  providers: [PeopleService, PeopleDirectory, PersonSearch, FollowRooms, ProfileProvisioning, OrgFieldsService],
  exports: [PeopleService, OrgFieldsService],
})
export class PeopleModule {}
