import type { UserSummary } from '@ruche/identity';

/**
 * The expertise module's domain events. Mentoring events are about people, not content: no
 * subject, so they are not replayed to anyone but their audience.
 */
declare module '@ruche/platform' {
  interface DomainEventMap {
    /**
     * No socket audience: for the expertise listener on whichever instance stamps it, which re-keys
     * stored expertise to the new canonical topics and re-reads declared skills.
     */
    'skill_synonyms.updated': { added: { alias: string; canonical: string }[]; removed: { alias: string; canonical: string }[] };
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
  }
}

export {};
