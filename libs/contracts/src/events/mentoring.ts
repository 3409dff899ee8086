import type { UserSummary } from './identity.js';

/**
 * Produced by `libs/mentoring`. Mentoring events are about people, not content: no subject, so
 * they are not replayed to anyone but their audience.
 */
export interface MentoringEvents {
  /** Audience: the mentee and the mentor (`user:<id>` each). */
  'mentoring.paired': {
    requestId: string;
    menteeId: string;
    mentorId: string;
    /** The topic key. */
    skill: string;
    /** How the topic is shown. */
    label: string;
    mentee: UserSummary;
    mentor: UserSummary;
  };
  /** Audience: the mentee and the mentor, if any. `by` closed it. */
  'mentoring.closed': { requestId: string; menteeId: string; mentorId: string | null; skill: string; by: string };
  /**
   * Audience: the mentee and the mentor. The mentee confirmed a closed pairing took place; its
   * length (`pairedAt` to `closedAt`) is what the Mentor badge weighs.
   */
  'mentoring.confirmed': { requestId: string; menteeId: string; mentorId: string; pairedAt: string; closedAt: string };
}
