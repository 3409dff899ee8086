import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import type { Me } from '../api/types';
import { clearSession, startSession } from '../auth/session';
import { I18nProvider } from '../i18n/I18nProvider';
import { AnnouncerProvider } from '../ui/Announcer';

export const me: Me = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'camille@example.com',
  handle: 'camille',
  displayName: 'Camille Martin',
  roles: ['employee'],
  status: 'active',
  createdAt: '2026-01-05T09:00:00.000Z',
  emailVerified: true,
  mustChangePassword: false,
};

/**
 * Renders `ui` inside what the app gives every screen (English messages, or French with `lang`,
 * a query cache that does not retry, a router, the announcer), optionally signed in as `me`.
 * Returns Testing Library's queries, a user-event session and the query cache.
 */
export function renderUi(
  ui: ReactElement,
  { signedIn = false, path = '/', lang = 'en' as 'en' | 'fr' } = {},
): RenderResult & { user: UserEvent; qc: QueryClient } {
  localStorage.setItem('ruche.lang', lang);
  if (signedIn) startSession({ user: me, accessToken: 'test-access-token', refreshToken: 'test-refresh-token', expiresIn: 3600 });
  else clearSession();
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const user = userEvent.setup();
  const result = render(
    <I18nProvider>
      <QueryClientProvider client={qc}>
        <MemoryRouter initialEntries={[path]}>
          <AnnouncerProvider>{ui}</AnnouncerProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
  return { ...result, user, qc };
}

export interface ApiCall {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

type Answer = { status: number; body?: unknown } | undefined;
type Reply = Answer | Promise<Answer>;

/**
 * The network edge for component tests: answers the app's fetch calls with `reply` (the api is
 * tested for real in test/; here what matters is what the component sends and how it shows the
 * answer) and records every call. Paths the test did not expect get a 404.
 */
export function answerApi(reply: (call: ApiCall) => Reply): ApiCall[] {
  const calls: ApiCall[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const call: ApiCall = {
      method: init.method ?? 'GET',
      path: input,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      authorization: headers.get('Authorization'),
    };
    calls.push(call);
    const answer = (await reply(call)) ?? { status: 404, body: { message: 'Not Found' } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  return calls;
}
