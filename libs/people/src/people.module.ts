import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@ruche/identity';
import { addTextBodyParser } from '@ruche/platform';
import { ColleagueSuggestions } from './colleague-suggestions.js';
import { FollowRooms } from './follow-rooms.js';
import { FollowEntity } from './follow.entity.js';
import { OrgChartService } from './org-chart.service.js';
import { OrgFieldsService } from './org-fields.service.js';
import { IMPORT_LIMITS } from './people-import-csv.js';
import { PeopleImportController } from './people-import.controller.js';
import { PeopleImportService } from './people-import.service.js';
import { PeopleDirectory } from './people-directory.service.js';
import { PeopleController } from './people.controller.js';
import { PeopleService } from './people.service.js';
import { PersonSearch } from './person-search.js';
import { ProfileProvisioning } from './profile-provisioning.js';
import { ProfileEntity } from './profile.entity.js';
import { PeoplePersonalData } from './people-personal-data.js';

/** Profiles, skills and endorsements, follows. Reads people's names only through IdentityService. */
@Module({
  imports: [TypeOrmModule.forFeature([ProfileEntity, FollowEntity]), IdentityModule],
  controllers: [PeopleController, PeopleImportController],
  providers: [
    PeoplePersonalData,
    PeopleService,
    PeopleDirectory,
    PersonSearch,
    FollowRooms,
    ProfileProvisioning,
    OrgFieldsService,
    OrgChartService,
    PeopleImportService,
    ColleagueSuggestions,
  ],
  exports: [PeopleService, OrgFieldsService, ColleagueSuggestions],
})
export class PeopleModule implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  /** The people import takes its CSV as a `text/csv` body too (curl --data-binary @people.csv), kept as text. */
  onModuleInit(): void {
    addTextBodyParser(this.adapter, 'text/csv', IMPORT_LIMITS.bytes);
  }
}
