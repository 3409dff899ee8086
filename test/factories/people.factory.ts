import type { TestApp } from '../support/test-app.js';
import { expectBody } from './expect-status.js';
import { actingAs, type TestUser } from './user.factory.js';

/** Sets the caller's profile through the real API; fails the test on anything but 200. */
export async function updateProfile(t: TestApp, user: TestUser, body: Record<string, unknown>): Promise<ProfileBody> {
  return expectBody(actingAs(t, user).patch('/api/me', body), 200, 'PATCH /api/me');
}

/** `viewer`'s view of `userId`'s profile. */
export async function profileOf(t: TestApp, viewer: TestUser, userId: string): Promise<ProfileBody> {
  return expectBody(actingAs(t, viewer).get(`/api/users/${userId}`), 200, `GET /api/users/${userId}`);
}

export async function follow(t: TestApp, follower: TestUser, followee: TestUser): Promise<void> {
  await t.http.put(`/api/users/${followee.id}/follow`).set('Authorization', follower.auth).expect(204);
}

export async function endorse(t: TestApp, endorser: TestUser, user: TestUser, skill: string): Promise<void> {
  await t.http.put(endorsementPath(user.id, skill)).set('Authorization', endorser.auth).expect(204);
}

export const endorsementPath = (userId: string, skill: string) =>
  `/api/users/${userId}/skills/${encodeURIComponent(skill)}/endorsement`;

/** The endorsements a skill shows on a profile (undefined when the skill is not declared). */
export const endorsementsOf = (profile: ProfileBody, name: string) => profile.skills.find((s) => s.name === name)?.endorsements;

export interface ProfileBody {
  id: string;
  handle: string;
  displayName: string;
  title: string;
  department: string;
  location: string;
  bio: string;
  skills: { name: string; skill: string; endorsements: number; endorsedByMe: boolean }[];
  followers: number;
  following: number;
  followedByMe: boolean;
}
