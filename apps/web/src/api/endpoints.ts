import { query, request } from './client';
import type { Comment, FeedScope, Me, Page, Post, Profile, ProfilePatch, ReactionCounts, ReactionKind, Session } from './types';

const PAGE = 20;

interface ReactionsAnswer {
  reactions: ReactionCounts;
  myReactions?: ReactionKind[];
}
const id = encodeURIComponent;

export const authApi = {
  register: (body: { email: string; password: string; displayName: string }) =>
    request<Session>('POST', '/api/auth/register', body, { auth: false }),
  login: (body: { email: string; password: string }) => request<Session>('POST', '/api/auth/login', body, { auth: false }),
  me: () => request<Me>('GET', '/api/me'),
};

export const peopleApi = {
  get: (userId: string) => request<Profile>('GET', `/api/users/${id(userId)}`),
  updateMe: (patch: ProfilePatch) => request<Profile>('PATCH', '/api/me', patch),
  follow: (userId: string) => request<void>('PUT', `/api/users/${id(userId)}/follow`),
  unfollow: (userId: string) => request<void>('DELETE', `/api/users/${id(userId)}/follow`),
  endorse: (userId: string, skill: string) => request<void>('PUT', `/api/users/${id(userId)}/skills/${id(skill)}/endorsement`),
  unendorse: (userId: string, skill: string) =>
    request<void>('DELETE', `/api/users/${id(userId)}/skills/${id(skill)}/endorsement`),
  posts: (userId: string, cursor: string | null) =>
    request<Page<Post>>('GET', `/api/users/${id(userId)}/posts${query({ limit: PAGE, cursor })}`),
};

export const feedApi = {
  feed: (scope: FeedScope, cursor: string | null) =>
    request<Page<Post>>('GET', `/api/feed${query({ scope: scope === 'company' ? 'company' : undefined, limit: PAGE, cursor })}`),
  create: (body: string) => request<Post>('POST', '/api/posts', { body }),
  get: (postId: string) => request<Post>('GET', `/api/posts/${id(postId)}`),
  update: (postId: string, body: string) => request<Post>('PATCH', `/api/posts/${id(postId)}`, { body }),
  remove: (postId: string) => request<void>('DELETE', `/api/posts/${id(postId)}`),
  comments: (postId: string, cursor: string | null) =>
    request<Page<Comment>>('GET', `/api/posts/${id(postId)}/comments${query({ limit: 50, cursor })}`),
  comment: (postId: string, body: string) => request<Comment>('POST', `/api/posts/${id(postId)}/comments`, { body }),
  react: (postId: string, kind: ReactionKind) => request<ReactionsAnswer>('PUT', `/api/posts/${id(postId)}/reactions/${kind}`),
  unreact: (postId: string, kind: ReactionKind) =>
    request<ReactionsAnswer>('DELETE', `/api/posts/${id(postId)}/reactions/${kind}`),
};
