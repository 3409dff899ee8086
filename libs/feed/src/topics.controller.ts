import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController, type AuthUser, CurrentUser } from '@ruche/platform';
import { TrendingTopicsQuery, TrendingTopicsView } from './dto.js';
import { TrendingTopics } from './post-hashtags.js';

@ApiController('feed', 'topics')
export class TrendingTopicsController {
  constructor(private readonly trending: TrendingTopics) {}

  // A static segment: the router prefers it to expertise's `topics/:topic`.
  @Get('trending')
  @ApiOperation({ summary: 'Trending hashtags: the most used in the last 7 days in posts the caller may see' })
  @ApiOkResponse({
    type: TrendingTopicsView,
    description: 'The hashtags with the most posts in the last 7 days among the posts the caller may see, with their counts',
  })
  list(@CurrentUser() user: AuthUser, @Query() query: TrendingTopicsQuery): Promise<TrendingTopicsView> {
    return this.trending.trending(user, query.limit);
  }
}
