import type { TestApp } from '../support/test-app.js';
import { expectBody } from './expect-status.js';
import { actingAs, type TestUser } from './user.factory.js';

/** The first-run steps of a company onboarding path (#16): skills, follows, joining `groupId`, the guidelines. */
export const firstRunSteps = (groupId: string) => [
  { kind: 'declare_skills', title: 'Say what you know' },
  { kind: 'follow_people', title: 'Follow the people you work with' },
  { kind: 'join_group', title: 'Join the platform guild', groupId },
  { kind: 'accept_guidelines', title: 'Accept the guidelines' },
];

/** Drafts and publishes a company path for new employees through the real API (an admin); returns it as published. */
export async function publishOnboardingPath(
  t: TestApp,
  admin: TestUser,
  steps: object[],
): Promise<{ id: string; steps: { id: string; kind: string }[] }> {
  const as = actingAs(t, admin);
  const drafted = await expectBody<{ id: string }>(
    as.post('/api/training/paths', { title: 'Welcome to the company', audience: 'newcomers', steps }),
    201,
    'POST /api/training/paths',
  );
  return expectBody(as.post(`/api/training/paths/${drafted.id}/publish`), 200, 'publish');
}
