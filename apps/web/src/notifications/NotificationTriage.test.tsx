import { NOTIFICATION_KINDS } from '@ruche/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../api/types';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { answerApi, renderUi } from '../testing/render';
import { NOTIFICATION_CATEGORIES } from './notificationCategories';
import { NotificationItem } from './NotificationItem';
import { NotificationsPage } from './NotificationsPage';

const alice = { id: '00000000-0000-4000-8000-0000000000a1', handle: 'alice', displayName: 'Alice Martin' };
const bob = { id: '00000000-0000-4000-8000-0000000000b2', handle: 'bob', displayName: 'Bob Durand' };

const notification = (over: Partial<AppNotification>): AppNotification => ({
  id: '00000000-0000-4000-8000-000000000101',
  kind: 'comment',
  actor: alice,
  subject: { type: 'comment', id: '00000000-0000-4000-8000-000000000201' },
  context: { postId: '00000000-0000-4000-8000-000000000301', onYourPost: true },
  about: null,
  createdAt: new Date().toISOString(),
  readAt: null,
  ...over,
});

describe('no raw key is ever shown for a notification kind', () => {
  // The server's list of kinds is the reference: a kind added there without words fails here.
  const catalogs = { en, fr } as Record<string, Record<string, string>>;
  for (const [lang, catalog] of Object.entries(catalogs)) {
    it(`${lang}: every kind has its sentence and its preference label`, () => {
      const missing = NOTIFICATION_KINDS.flatMap((kind) => {
        // report.resolved is worded by whom it is addressed to, but keeps its own key as the fallback.
        const sentence = `notifications.kind.${kind}`;
        return [sentence, `notifications.pref.${kind}`].filter((key) => !catalog[key]?.trim());
      });
      expect(missing).toEqual([]);
    });
  }

  it('every kind is in exactly one category, and every category is named in both languages', () => {
    const placed = Object.values(NOTIFICATION_CATEGORIES).flat();
    expect([...placed].sort()).toEqual([...NOTIFICATION_KINDS].sort());
    for (const name of Object.keys(NOTIFICATION_CATEGORIES)) {
      expect(en[`notifications.category.${name}` as keyof typeof en]).toBeTruthy();
      expect(fr[`notifications.category.${name}` as keyof typeof fr]).toBeTruthy();
    }
  });
});

describe('NotificationItem', () => {
  it('says who, what, the excerpt and where (the group)', () => {
    renderUi(
      <ul>
        <NotificationItem
          item={notification({
            actors: [alice, bob],
            actorCount: 3,
            about: { title: null, excerpt: 'The shed should be covered', group: { id: 'g1', name: 'Cyclists' } },
          })}
          onRead={() => undefined}
        />
      </ul>,
    );
    expect(screen.getByRole('link', { name: 'Alice Martin and 2 others commented on your post' })).toBeTruthy();
    expect(screen.getByTestId('notification-about').textContent).toBe('“The shed should be covered”');
    expect(screen.getByText(/in Cyclists/)).toBeTruthy();
  });

  it('an idea: its title and its campaign', () => {
    renderUi(
      <ul>
        <NotificationItem
          item={notification({
            kind: 'idea.comment',
            subject: { type: 'idea', id: 'i1' },
            context: { ideaId: 'i1' },
            about: { title: 'Plants on every floor', excerpt: 'Cheap', campaign: { id: 'c1', title: 'Greener office' } },
          })}
          onRead={() => undefined}
        />
      </ul>,
    );
    expect(screen.getByTestId('notification-about').textContent).toBe('Plants on every floor — “Cheap”');
    expect(screen.getByText(/in the campaign Greener office/)).toBeTruthy();
  });

  it('nothing to show (a follow): no about line', () => {
    renderUi(
      <ul>
        <NotificationItem
          item={notification({ kind: 'follow', subject: { type: 'user', id: alice.id }, about: null })}
          onRead={() => undefined}
        />
      </ul>,
    );
    expect(screen.queryByTestId('notification-about')).toBeNull();
  });
});

describe('NotificationsPage categories', () => {
  it('filters by a category chip and marks only that category read', async () => {
    const items = [
      notification({ id: 'n1', kind: 'mention', subject: { type: 'post', id: 'p1' }, context: { postId: 'p1' } }),
      notification({
        id: 'n2',
        kind: 'reaction',
        actors: [bob],
        actorCount: 1,
        actor: bob,
        subject: { type: 'post', id: 'p2' },
        context: { postId: 'p2' },
      }),
    ];
    const calls = answerApi((call) => {
      if (call.path.startsWith('/api/notifications?')) {
        // The server filters by kinds: answer as it would.
        const kinds = new URL(call.path, 'http://x').searchParams.get('kinds')?.split(',');
        return { status: 200, body: { items: kinds ? items.filter((n) => kinds.includes(n.kind)) : items, nextCursor: null } };
      }
      if (call.path === '/api/notifications/read') return { status: 204 };
      if (call.path === '/api/notifications/preferences')
        return { status: 200, body: { items: [], digestEmail: false, emailConfigured: false } };
      if (call.path === '/api/notifications/unread-count') return { status: 200, body: { count: 2 } };
      return undefined;
    });
    const { user } = renderUi(<NotificationsPage />, { signedIn: true, path: '/notifications' });
    const list = await screen.findByRole('list', { name: 'Notifications' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);

    const chips = screen.getByRole('group', { name: 'Show notifications about' });
    await user.click(within(chips).getByRole('button', { name: 'Reactions & follows' }));
    expect(within(chips).getByRole('button', { name: 'Reactions & follows' }).getAttribute('aria-pressed')).toBe('true');
    // A new query (the category's kinds): the list is drawn again.
    expect(await screen.findByText('Bob Durand reacted to your post')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Notifications' })).getAllByRole('listitem')).toHaveLength(1);
    expect(calls.some((c) => c.path.includes('kinds=reaction%2Cfollow%2Ckudos.received%2Cbadge.earned'))).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Mark Reactions & follows read' }));
    const marks = calls.filter((c) => c.path === '/api/notifications/read');
    expect(marks.map((c) => c.body)).toEqual([{ kinds: ['reaction', 'follow', 'kudos.received', 'badge.earned'] }]);
  });
});
