import type { ModerationState } from '@ruche/platform';
import type { ResolutionAction } from './moderation-rules.js';

/**
 * The moderation module's own events. None carries a reporter's identity to anyone but that
 * reporter. `content.moderated` (what the owning module applies) and `content.held` are declared
 * in the platform, since content modules speak them too.
 */
declare module '@ruche/platform' {
  interface DomainEventMap {
    /** No socket audience: for notifications and analytics. */
    'report.created': { reportId: string; caseId: string; targetType: string; targetId: string; groupId: string | null };
    /**
     * Audience: the reporters (`recipient: 'reporter'`), or the author (`recipient: 'author'`),
     * each as `user:<id>`; the notification kind `report.resolved`.
     */
    'report.resolved': {
      caseId: string;
      targetType: string;
      targetId: string;
      action: ResolutionAction;
      state: ModerationState;
      note: string | null;
      recipient: 'reporter' | 'author';
    };
    /** No socket audience: a reviewer's decision, for the audit log. */
    'moderation.case_resolved': {
      caseId: string;
      reportId: string;
      targetType: string;
      targetId: string;
      groupId: string | null;
      authorId: string | null;
      action: ResolutionAction;
      previousState: ModerationState;
      state: ModerationState;
      note: string | null;
      reportCount: number;
    };
    /** No socket audience: for the audit log. */
    'moderation.settings_changed': {
      autoHideThreshold: number;
      blockedTerms: string[];
      previous: { autoHideThreshold: number; blockedTerms: string[] };
    };
    /** No socket audience: a new version everyone is asked to accept. */
    'guidelines.published': { version: number };
  }
}

export const userRoom = (userId: string) => `user:${userId}`;
