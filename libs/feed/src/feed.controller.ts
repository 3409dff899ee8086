import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, EnumParam, type Page, PageQuery, UuidParam } from '@ruche/platform';
import { CommentsService } from './comments.service.js';
import { CommentView, CreateCommentDto, CreatePostDto, FeedQuery, PostView, ReactionsView, UpdatePostDto } from './dto.js';
import { PostsService } from './posts.service.js';
import { REACTION_KINDS, type ReactionKind } from './reaction-kinds.js';
import { ReactionsService } from './reactions.service.js';
import { TimelineService } from './timeline.service.js';

const KindParam = () => EnumParam('kind', REACTION_KINDS);

@ApiTags('feed')
@ApiBearerAuth()
@Controller('posts')
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly comments: CommentsService,
    private readonly reactions: ReactionsService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: PostView })
  create(@CurrentUser() user: AuthUser, @Body() body: CreatePostDto): Promise<PostView> {
    return this.posts.create(user, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: PostView })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PostView> {
    return this.posts.get(user.id, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PostView })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: UpdatePostDto): Promise<PostView> {
    return this.posts.update(user, id, body.body, body.attachmentIds);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.posts.remove(user, id);
  }

  @Post(':id/comments')
  @ApiCreatedResponse({ type: CommentView })
  addComment(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: CreateCommentDto): Promise<CommentView> {
    return this.comments.add(user, id, body.body, body.attachmentIds);
  }

  @Get(':id/comments')
  listComments(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: PageQuery,
  ): Promise<Page<CommentView>> {
    return this.comments.list(user.id, id, query);
  }

  @Put(':id/reactions/:kind')
  @ApiParam({ name: 'kind', enum: REACTION_KINDS })
  @ApiOkResponse({ type: ReactionsView })
  react(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @KindParam() kind: ReactionKind): Promise<ReactionsView> {
    return this.reactions.react(user, id, kind);
  }

  @Delete(':id/reactions/:kind')
  @ApiParam({ name: 'kind', enum: REACTION_KINDS })
  @ApiOkResponse({ type: ReactionsView })
  unreact(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @KindParam() kind: ReactionKind): Promise<ReactionsView> {
    return this.reactions.unreact(user, id, kind);
  }
}

@ApiTags('feed')
@ApiBearerAuth()
@Controller()
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get('feed')
  feed(@CurrentUser() user: AuthUser, @Query() query: FeedQuery): Promise<Page<PostView>> {
    return query.scope === 'company' ? this.timeline.company(user.id, query) : this.timeline.home(user, query);
  }

  @Get('groups/:id/feed')
  @ApiOkResponse({ description: "The group's posts, newest first" })
  groupFeed(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: PageQuery): Promise<Page<PostView>> {
    return this.timeline.group(user.id, id, query);
  }

  @Get('users/:id/posts')
  byAuthor(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: PageQuery): Promise<Page<PostView>> {
    return this.timeline.byAuthor(user.id, id, query);
  }
}
