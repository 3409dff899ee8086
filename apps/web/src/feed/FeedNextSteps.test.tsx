import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answerApi, renderUi } from '../testing/render';
import { FeedNextSteps } from './FeedNextSteps';

const campaign = { id: '00000000-0000-4000-8000-0000000000f1', title: 'Greener offices', status: 'open' };

/** The steps as [text, link], once the campaigns were read. */
async function steps(campaigns: unknown[]): Promise<[string, string | null][]> {
  answerApi((call) => (call.path.startsWith('/api/campaigns') ? { status: 200, body: { items: campaigns, nextCursor: null } } : undefined));
  renderUi(<FeedNextSteps />, { signedIn: true });
  const section = screen.getByRole('region', { name: 'What next?' });
  if (campaigns.length) await within(section).findByRole('link', { name: /Greener offices/ });
  return within(section)
    .getAllByRole('link')
    .map((link) => [link.textContent!, link.getAttribute('href')]);
}

describe('FeedNextSteps', () => {
  it('leads to the first-run suggestions, the directory, groups, asking, and the open campaign', async () => {
    expect(await steps([campaign])).toEqual([
      ['Follow colleagues and join groups', '/welcome'],
      ['Find people in the directory', '/people'],
      ['Browse groups', '/groups'],
      ['Ask a question', '/questions/ask'],
      ['Vote on ideas in “Greener offices”', `/campaigns/${campaign.id}`],
    ]);
  });

  it('leads to the campaigns when none is open', async () => {
    expect((await steps([])).at(-1)).toEqual(['See the idea campaigns', '/campaigns']);
  });
});
