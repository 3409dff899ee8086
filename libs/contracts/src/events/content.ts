import type { ModerationState } from './moderation.js';

/**
 * The events that connect content modules and moderation without either importing the other.
 * Neither has a socket audience (`audience: []`): they are for in-process listeners.
 */
export interface ContentEvents {
  /**
   * Emitted by moderation; the module owning `targetType` applies `state` to its content (and
   * tells its own rooms). `action` says why: a reviewer's decision, or an automatic one
   * (`auto_hide` after enough reports). `actorId` is the reviewer, null when automatic.
   */
  'content.moderated': {
    targetType: string;
    targetId: string;
    state: ModerationState;
    action: 'dismiss' | 'hide' | 'remove' | 'auto_hide';
    caseId: string;
    reportId: string | null;
    note: string | null;
  };
  /**
   * Emitted by the owning module when screening held a piece of content at create or edit:
   * moderation opens a review case for it. `actorId` is the author.
   */
  'content.held': {
    targetType: string;
    targetId: string;
    authorId: string;
    groupId: string | null;
    terms: string[];
  };
}
