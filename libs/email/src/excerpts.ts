import { Injectable } from '@nestjs/common';
import { PostsService } from '@ruche/feed';
import { IdeasService } from '@ruche/ideas';
import { QuestionsService } from '@ruche/questions';
import type { Role } from '@ruche/platform';
import type { ContentThread } from './links.js';
import { excerptOf } from './templates.js';

/**
 * What a thread says, read as the recipient through the owning module's service (which applies its
 * visibility: content they may not see gives nothing).
 */
@Injectable()
export class Excerpts {
  constructor(
    private readonly posts: PostsService,
    private readonly questions: QuestionsService,
    private readonly ideas: IdeasService,
  ) {}

  async of(viewer: { id: string; roles: string[] }, thread: ContentThread): Promise<{ title: string; excerpt: string | null } | null> {
    try {
      switch (thread.type) {
        case 'post': {
          const post = await this.posts.get(viewer.id, thread.id);
          return { title: post.author.displayName, excerpt: excerptOf(post.body) };
        }
        case 'question': {
          const question = await this.questions.get(viewer.id, thread.id);
          return { title: question.title, excerpt: question.body ? excerptOf(question.body) : null };
        }
        case 'idea': {
          const idea = await this.ideas.get({ id: viewer.id, roles: viewer.roles as Role[] }, thread.id);
          return { title: idea.title, excerpt: idea.body ? excerptOf(idea.body) : null };
        }
      }
    } catch {
      return null;
    }
  }
}
