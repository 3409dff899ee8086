import { type EventSubject, userRoom } from '@ruche/platform';

export type { RemovalReason } from '@ruche/contracts';

export const groupRoom = (groupId: string) => `group:${groupId}`;
export { userRoom };
export const groupSubject = (id: string): EventSubject => ({ type: 'group', id });
