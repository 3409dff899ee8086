import type { UserSummary } from './identity.js';

/** Produced by `libs/people`. */
export interface PeopleEvents {
  'user.followed': { followerId: string; followeeId: string; follower: UserSummary };
  /** No socket audience: the follower's live sockets leave the followee's followers room. */
  'user.unfollowed': { followerId: string; followeeId: string };
  'skill.endorsed': {
    userId: string;
    /** The normalised key. */
    skill: string;
    /** The skill as the person wrote it. */
    name: string;
    endorserId: string;
    endorser: UserSummary;
    /** Endorsements of this skill right after this one. */
    endorsements: number;
  };
  /** No socket audience: an endorsement was withdrawn (expertise re-reads the person's skills). */
  'skill.unendorsed': { userId: string; skill: string; endorserId: string; endorsements: number };
  /** No socket audience: the person's declared skills changed; `skills` are the keys now declared. */
  'skills.updated': { userId: string; skills: string[] };
  /** No socket audience: an admin started applying a CSV import of people; the job engine's listener applies it. */
  'people.import.queued': { importId: string };
}
