import { Body, Get, Put, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiController, ApiItemsResponse, type AuthUser, CurrentUser, Permission, RequirePermission } from '@ruche/platform';
import { ExpertQuery, ExpertView, ReplaceSynonymsDto, SynonymView } from './dto.js';
import { ExpertiseService } from './expertise.service.js';
import { SkillSynonyms } from './skill-synonyms.service.js';

@ApiController('expertise')
export class ExpertiseController {
  constructor(
    private readonly expertise: ExpertiseService,
    private readonly synonyms: SkillSynonyms,
  ) {}

  @Get('experts')
  @ApiOperation({ summary: 'Who knows about X? People ranked for a free-text query, with the reasons for their rank' })
  @ApiItemsResponse(ExpertView)
  experts(@Query() query: ExpertQuery): Promise<{ items: ExpertView[] }> {
    return this.expertise.searchExperts(query);
  }

  @Get('admin/skill-synonyms')
  @RequirePermission(Permission.ManageSkills)
  @ApiOperation({ summary: 'The skill synonym table (admin)' })
  @ApiItemsResponse(SynonymView, 'Sorted by canonical key, then alias')
  listSynonyms(): Promise<{ items: SynonymView[] }> {
    return this.synonyms.list();
  }

  @Put('admin/skill-synonyms')
  @RequirePermission(Permission.ManageSkills)
  @ApiOperation({ summary: 'Replace the skill synonym table (admin); stored expertise is re-keyed' })
  @ApiItemsResponse(SynonymView, 'The table as stored now, sorted by canonical key, then alias')
  replaceSynonyms(@CurrentUser() user: AuthUser, @Body() body: ReplaceSynonymsDto): Promise<{ items: SynonymView[] }> {
    return this.synonyms.replace(user.id, body.synonyms);
  }
}
