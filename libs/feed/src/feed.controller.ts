import { Body, Delete, Get, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { SessionsService } from '@ruche/identity';
import {
  ApiController,
  ApiPageResponse,
  type AuthUser,
  CallerCheckedByStatement,
  CurrentUser,
  EnumParam,
  NoContent,
  type Page,
  PageQuery,
  type TokenClaims,
  TokenCaller,
  UuidParam,
} from '@ruche/platform';
import { CommentsService } from './comments.service.js';
import { CommentView, CreateCommentDto, CreatePostDto, FeedQuery, PostView, ReactionsView, UpdatePostDto } from './dto.js';
import { PostsService } from './posts.service.js';
import { REACTION_KINDS, type ReactionKind } from './reaction-kinds.js';
import { ReactionsService } from './reactions.service.js';
import { TimelineService } from './timeline.service.js';

const KindParam = () => EnumParam('kind', REACTION_KINDS);

@ApiController('feed', 'posts')
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly comments: CommentsService,
    private readonly reactions: ReactionsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Publish a post, company-wide or in a group the caller belongs to, with attachments or a poll' })
  @ApiCreatedResponse({ type: PostView })
  create(@CurrentUser() user: AuthUser, @Body() body: CreatePostDto): Promise<PostView> {
    return this.posts.create(user, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One post the caller may see' })
  @ApiOkResponse({ type: PostView })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PostView> {
    return this.posts.get(user.id, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Edit a post's text and attachments (its author)" })
  @ApiOkResponse({ type: PostView })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: UpdatePostDto): Promise<PostView> {
    return this.posts.update(user, id, body.body, body.attachmentIds);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a post (its author, a moderator, or an owner or admin of its group)' })
  @NoContent()
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.posts.remove(user, id);
  }

  @Post(':id/comments')
  @ApiOperation({ summary: 'Comment on a post the caller may see' })
  @ApiCreatedResponse({ type: CommentView })
  addComment(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: CreateCommentDto): Promise<CommentView> {
    return this.comments.add(user, id, body.body, body.attachmentIds);
  }

  @Get(':id/comments')
  @ApiOperation({ summary: "A post's comments, oldest first" })
  @ApiPageResponse(CommentView)
  listComments(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: PageQuery,
  ): Promise<Page<CommentView>> {
    return this.comments.list(user.id, id, query);
  }

  @Put(':id/reactions/:kind')
  @ApiOperation({ summary: 'React to a post (idempotent)' })
  @ApiParam({ name: 'kind', enum: REACTION_KINDS })
  @ApiOkResponse({ type: ReactionsView })
  react(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @KindParam() kind: ReactionKind): Promise<ReactionsView> {
    return this.reactions.react(user, id, kind);
  }

  @Delete(':id/reactions/:kind')
  @ApiOperation({ summary: 'Take back a reaction (idempotent)' })
  @ApiParam({ name: 'kind', enum: REACTION_KINDS })
  @ApiOkResponse({ type: ReactionsView })
  unreact(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @KindParam() kind: ReactionKind): Promise<ReactionsView> {
    return this.reactions.unreact(user, id, kind);
  }
}

@ApiController('feed')
export class TimelineController {
  constructor(
    private readonly timeline: TimelineService,
    private readonly sessions: SessionsService,
  ) {}

  @Get('feed')
  @ApiOperation({
    summary:
      "The caller's home feed, newest first (own posts, people followed, mentions, their groups); `scope=company`: company-wide posts and public groups' posts",
  })
  @ApiPageResponse(PostView)
  @CallerCheckedByStatement()
  async feed(@TokenCaller() caller: TokenClaims, @Query() query: FeedQuery): Promise<Page<PostView>> {
    // Home checks its caller in its page statement (one round trip); the company feed as any route.
    if (query.scope !== 'company') return this.timeline.home(caller, query);
    return this.timeline.company((await this.sessions.verify(caller)).id, query);
  }

  @Get('groups/:id/feed')
  @ApiOperation({ summary: "A group's posts, newest first" })
  @ApiPageResponse(PostView)
  groupFeed(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: PageQuery): Promise<Page<PostView>> {
    return this.timeline.group(user.id, id, query);
  }

  @Get('users/:id/posts')
  @ApiOperation({ summary: "One person's posts the caller may see, newest first" })
  @ApiPageResponse(PostView)
  byAuthor(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: PageQuery): Promise<Page<PostView>> {
    return this.timeline.byAuthor(user.id, id, query);
  }
}
