import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answerApi, renderUi } from '../testing/render';
import { WhoWasAsked } from './WhoWasAsked';

const ids = [
  '00000000-0000-4000-8000-0000000000a1',
  '00000000-0000-4000-8000-0000000000a2',
  '00000000-0000-4000-8000-0000000000a3',
];
const names: Record<string, string> = { [ids[0]]: 'Eve Expert', [ids[1]]: 'Hal Helper', [ids[2]]: 'Bea Busy' };

describe('WhoWasAsked', () => {
  it('names each person asked with the reason they were asked, in routing order', async () => {
    answerApi((call) => {
      const id = call.path.split('/').pop()!;
      return names[id] ? { status: 200, body: { id, displayName: names[id], handle: 'x' } } : undefined;
    });
    renderUi(
      <WhoWasAsked
        question={{
          routedTo: ids,
          routing: [
            { userId: ids[0], reason: 'expert', detail: 'terraform', round: 1 },
            { userId: ids[1], reason: 'helper', detail: 'Terraform', round: 1 },
            { userId: ids[2], reason: 'department_answerer', detail: 'Finance: 2 answers', round: 2 },
          ],
        }}
      />,
      { signedIn: true },
    );
    const list = screen.getByRole('list', { name: 'Who was asked' });
    expect(await within(list).findByRole('link', { name: 'Eve Expert' })).toHaveAttribute('href', `/people/${ids[0]}`);
    await within(list).findByRole('link', { name: 'Bea Busy' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Eve Expert · expert on terraform',
      'Hal Helper · volunteers to help with Terraform',
      'Bea Busy · among the most active answerers of your department (Finance: 2 answers) · round 2',
    ]);
  });
});
