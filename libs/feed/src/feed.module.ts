import { Module } from '@nestjs/common';
import { FilesModule } from '@ruche/files';
import { PreviewsModule } from '@ruche/previews';
import { GroupsModule } from '@ruche/groups';
import { IdentityModule } from '@ruche/identity';
import { PeopleModule } from '@ruche/people';
import { CommentEditsService } from './comment-edits.service.js';
import { CommentMentions } from './comment-mentions.js';
import { CommentsController } from './comments.controller.js';
import { CommentsService } from './comments.service.js';
import { PostsController, TimelineController } from './feed.controller.js';
import { FeedGroups } from './feed-groups.js';
import { FeedModeration } from './feed-moderation.js';
import { FeedVisibility } from './feed-visibility.js';
import { GroupHelpSignals } from './group-help-signals.js';
import { HomeTimelines } from './home-timelines.js';
import { PollsController } from './polls.controller.js';
import { PollsService } from './polls.service.js';
import { PostLinkPreviews } from './post-link-previews.js';
import { TrendingTopics } from './post-hashtags.js';
import { PostSearch } from './post-search.js';
import { PostViews } from './post-views.js';
import { PostsService } from './posts.service.js';
import { ReactionsService } from './reactions.service.js';
import { TimelineService } from './timeline.service.js';
import { TrendingTopicsController } from './topics.controller.js';
import { FeedPersonalData } from './feed-personal-data.js';

/**
 * Posts, comments, reactions, mentions and the timelines. Owns the posts, post_comments,
 * post_reactions, post_mentions and post_hashtags tables, and the polls' (post_polls, post_poll_options,
 * post_poll_votes) (raw SQL: keyset lists, counters and ON CONFLICT are clearer written out than
 * through an ORM).
 */
@Module({
  imports: [IdentityModule, PeopleModule, GroupsModule, FilesModule, PreviewsModule],
  controllers: [PostsController, TimelineController, CommentsController, PollsController, TrendingTopicsController],
  providers: [
    FeedPersonalData,
    FeedVisibility,
    GroupHelpSignals,
    FeedGroups,
    FeedModeration,
    PostViews,
    PostsService,
    CommentsService,
    CommentMentions,
    CommentEditsService,
    ReactionsService,
    PollsService,
    TimelineService,
    HomeTimelines,
    PostSearch,
    PostLinkPreviews,
    TrendingTopics,
  ],
  exports: [FeedVisibility, PostsService, CommentsService, ReactionsService, TimelineService, GroupHelpSignals],
})
export class FeedModule {}
