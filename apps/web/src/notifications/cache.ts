export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
  /** The first page, for the bell's dropdown. */
  latest: ['notifications', 'latest'] as const,
  preferences: ['notifications', 'preferences'] as const,
};
