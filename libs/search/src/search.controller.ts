import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController, type AuthUser, CurrentUser } from '@ruche/platform';
import { SearchQuery, SearchResultsView } from './dto.js';
import { SearchService } from './search.service.js';

@ApiController('search', 'search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @ApiOperation({
    summary: 'One search over posts, people, groups, ideas and questions, ranked, with snippets; only what the caller may see',
  })
  @ApiOkResponse({ type: SearchResultsView })
  find(@CurrentUser() user: AuthUser, @Query() query: SearchQuery): Promise<SearchResultsView> {
    return this.search.search(user, query);
  }
}
