import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Permission, RequirePermission } from '@ruche/platform';
import { ExpertQuery, ExpertView, ReplaceSynonymsDto } from './dto.js';
import { ExpertiseService } from './expertise.service.js';
import { SkillSynonyms, type SynonymView } from './skill-synonyms.service.js';

@ApiTags('expertise')
@ApiBearerAuth()
@Controller()
export class ExpertiseController {
  constructor(
    private readonly expertise: ExpertiseService,
    private readonly synonyms: SkillSynonyms,
  ) {}

  @Get('experts')
  @ApiOperation({ summary: 'Who knows about X? People ranked for a free-text query, with the reasons for their rank' })
  @ApiOkResponse({ type: ExpertView, isArray: true, description: '{ items }' })
  experts(@Query() query: ExpertQuery): Promise<{ items: ExpertView[] }> {
    return this.expertise.searchExperts(query);
  }

  @Get('admin/skill-synonyms')
  @RequirePermission(Permission.ManageSkills)
  @ApiOperation({ summary: 'The skill synonym table (admin)' })
  listSynonyms(): Promise<{ items: SynonymView[] }> {
    return this.synonyms.list();
  }

  @Put('admin/skill-synonyms')
  @RequirePermission(Permission.ManageSkills)
  @ApiOperation({ summary: 'Replace the skill synonym table (admin); stored expertise is re-keyed' })
  replaceSynonyms(@CurrentUser() user: AuthUser, @Body() body: ReplaceSynonymsDto): Promise<{ items: SynonymView[] }> {
    return this.synonyms.replace(user.id, body.synonyms);
  }
}
