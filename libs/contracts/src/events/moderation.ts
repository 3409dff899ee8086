/**
 * Where a piece of content stands with moderation. The owning module stores it and applies it on
 * every read path: `visible` for everyone allowed; `held` (blocked terms, pending review) for its
 * author and moderators; `hidden` and `removed` for moderators only.
 */
export const MODERATION_STATES = ['visible', 'hidden', 'removed', 'held'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

/** Shown to moderators (and to the author of held content) on content out of public sight. */
export interface ModerationMarker {
  state: Exclude<ModerationState, 'visible'>;
}

/** The states a content event calls "out of public sight" (clients drop the item). */
export type OutOfSight = 'hidden' | 'removed' | 'held';

export const RESOLUTION_ACTIONS = ['dismiss', 'hide', 'remove'] as const;

/**
 * Every action the audit log records, one per kind of event it listens to: the server writes only
 * these (its listener is typed by the list) and the web app names each one in both languages.
 */
export const AUDIT_ACTIONS = [
  'moderation.hide',
  'moderation.remove',
  'moderation.dismiss',
  'moderation.auto_hide',
  'moderation.hold',
  'moderation.settings_changed',
  'user.roles_changed',
  'user.suspended',
  'user.reinstated',
  'user.deactivated',
  'user.reactivated',
  'user.erased',
  'user.password_reset',
  'user.two_factor_reset',
  'group.banned',
  'group.unbanned',
  'group.role_changed',
  'group.member_removed',
  'guidelines.published',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type ResolutionAction = (typeof RESOLUTION_ACTIONS)[number];

/**
 * Produced by `libs/moderation`. None carries a reporter's identity to anyone but that reporter.
 * (`content.moderated` and `content.held`, which content modules speak too, are in `content.ts`.)
 */
export interface ModerationEvents {
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
  /** No socket audience: a person accepted a version (training paths tick their guidelines step). */
  'guidelines.accepted': { userId: string; version: number };
}
