import type { EventSubject } from '@ruche/platform';

export type { RemovalReason } from '@ruche/contracts';

export const groupRoom = (groupId: string) => `group:${groupId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const groupSubject = (id: string): EventSubject => ({ type: 'group', id });
