import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Criterion, IdeaDetail } from '../api/types';
import { renderUi } from '../testing/render';
import { ReviewForm } from './ReviewForm';

const idea = { id: '00000000-0000-4000-8000-0000000000f1' } as IdeaDetail;
const criteria: Criterion[] = [
  { name: 'Cost', weight: 2, low: 'costly', high: 'cheap' },
  { name: 'Impact', weight: 1 },
];

describe('ReviewForm', () => {
  it('says per criterion which end of the scale is good, falling back to weak…excellent', () => {
    renderUi(<ReviewForm idea={idea} criteria={criteria} />, { signedIn: true });
    expect(screen.getByRole('group', { name: /^Cost/ })).toHaveAccessibleDescription('1 = costly … 5 = cheap');
    expect(screen.getByRole('group', { name: /^Impact/ })).toHaveAccessibleDescription('1 = weak … 5 = excellent');
  });

  it('says it in French too', () => {
    renderUi(<ReviewForm idea={idea} criteria={criteria} />, { signedIn: true, lang: 'fr' });
    expect(screen.getByRole('group', { name: /^Cost/ })).toHaveAccessibleDescription('1 = costly … 5 = cheap');
    expect(screen.getByRole('group', { name: /^Impact/ })).toHaveAccessibleDescription('1 = faible … 5 = excellent');
  });
});
