import { fireEvent } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { Avatar, avatarPattern } from './bits';

const ID_A = '0f8e2a54-3b1c-4d6e-9f70-1a2b3c4d5e6f';

describe('Avatar', () => {
  it('is generated from the id alone: the same id gives the same pattern in any letter case', () => {
    expect(avatarPattern(ID_A)).toEqual(avatarPattern(ID_A.toUpperCase()));
    const first = renderUi(<Avatar user={{ id: ID_A, displayName: 'Alice Martin' }} />).container.innerHTML;
    const again = renderUi(<Avatar user={{ id: ID_A, displayName: 'Alice Martin' }} />).container.innerHTML;
    expect(again).toBe(first);
  });

  it('sets people with the same initials apart by colour or motif', () => {
    const ids = Array.from({ length: 24 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const looks = new Set(ids.map((id) => JSON.stringify(avatarPattern(id))));
    expect(looks.size).toBeGreaterThan(16);
    expect(new Set(ids.map((id) => avatarPattern(id).colour)).size).toBeGreaterThan(4);
    expect(new Set(ids.map((id) => avatarPattern(id).motif)).size).toBe(4);
  });

  it('shows the initials and is hidden from assistive technology (the name beside it says who)', () => {
    const { container } = renderUi(<Avatar user={{ id: ID_A, displayName: 'élodie de la Tour' }} size="sm" />);
    const avatar = container.querySelector('.avatar')!;
    expect(avatar).toHaveAttribute('aria-hidden', 'true');
    expect(avatar).toHaveTextContent(/^ÉT$/);
    expect(avatar.querySelector('svg')).not.toBeNull();
  });

  it('shows an uploaded photo over the generated avatar, and the generated one again if the photo fails to load', () => {
    const url = `/api/users/${ID_A}/avatar?v=1`;
    const { container } = renderUi(<Avatar user={{ id: ID_A, displayName: 'Alice Martin', avatarUrl: url }} />);
    const photo = container.querySelector('.avatar img')!;
    expect(photo).toHaveAttribute('src', url);
    expect(photo).toHaveAttribute('alt', '');
    fireEvent.error(photo);
    expect(container.querySelector('.avatar img')).toBeNull();
    expect(container.querySelector('.avatar')).toHaveTextContent(/^AM$/);
  });
});
