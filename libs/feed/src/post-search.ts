import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  Database,
  recentRows,
  type SearchHit,
  type SearchRequest,
  SearchSources,
  searchSources,
  SqlParams,
} from '@ruche/platform';
import { FilesService } from '@ruche/files';
import { FeedVisibility } from './feed-visibility.js';

// Longer than a title may be (TITLE_MAX), so that the title can be cut between words.
const FIRST_LINE = (post: string) => `left(split_part(${post}.body, E'\\n', 1), 200)`;
// The snippet comes from what follows the first line (the title): the result says nothing twice.
// A one-line post keeps its body, which the snippet then drops as the title (see withoutTitle).
const AFTER_FIRST_LINE = (post: string) =>
  `CASE WHEN strpos(${post}.body, E'\\n') > 0 THEN substr(${post}.body, strpos(${post}.body, E'\\n') + 1) ELSE ${post}.body END`;

/**
 * Posts in the one search box, found by their body (posts_search_idx) or by one of their comments
 * (post_comments_search_idx; the hit is the post, the snippet the comment), under the rules every
 * feed and comment list uses (`FeedVisibility`): deleted posts, other people's private groups and
 * moderated posts or comments never come back. The title is the post's first line. Both tables grow
 * with the company: each is searched in its newest rows first (`newest`, see RECENT_WINDOW).
 * The text of the documents attached to a post or a comment (extracted by the files module) is a
 * hit on the post too, under the same rules (`FilesService.textSource`).
 */
@Injectable()
export class PostSearch implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly sources: SearchSources,
    private readonly visibility: FeedVisibility,
    private readonly files: FilesService,
  ) {}

  onModuleInit(): void {
    this.sources.register('post', (request) => this.search(request));
  }

  async search(request: SearchRequest): Promise<SearchHit[]> {
    const [posts, comments] = await Promise.all([
      this.visibility.filterFor(request.viewer),
      this.visibility.commentFilterFor(request.viewer),
    ]);
    const byBody = new SqlParams();
    const byComment = new SqlParams();
    const byPostFile = new SqlParams();
    const byCommentFile = new SqlParams();
    return searchSources(this.db.reader, 'post', request, [
      {
        from: 'posts p',
        newest: `${recentRows('posts', 'created_at DESC, id DESC', 'deleted_at IS NULL')} p`,
        vector: 'p.search_vector',
        visible: posts('p', byBody),
        values: byBody.values,
        id: 'p.id',
        title: FIRST_LINE('p'),
        body: AFTER_FIRST_LINE('p'),
        createdAt: 'p.created_at',
      },
      {
        from: 'post_comments pc JOIN posts p ON p.id = pc.post_id',
        newest: `${recentRows('post_comments', 'created_at DESC')} pc JOIN posts p ON p.id = pc.post_id`,
        vector: 'pc.search_vector',
        visible: `${posts('p', byComment)} AND ${comments('pc', byComment)}`,
        values: byComment.values,
        id: 'p.id',
        title: FIRST_LINE('p'),
        body: 'pc.body',
        createdAt: 'pc.created_at',
      },
      this.files.textSource('post', {
        join: 'JOIN posts p ON p.id = f.item_id',
        visible: posts('p', byPostFile),
        values: byPostFile.values,
        id: 'p.id',
        title: FIRST_LINE('p'),
        createdAt: 'p.created_at',
      }),
      this.files.textSource('comment', {
        join: 'JOIN post_comments pc ON pc.id = f.item_id JOIN posts p ON p.id = pc.post_id',
        visible: `${posts('p', byCommentFile)} AND ${comments('pc', byCommentFile)}`,
        values: byCommentFile.values,
        id: 'p.id',
        title: FIRST_LINE('p'),
        createdAt: 'pc.created_at',
      }),
    ]);
  }
}
