/** Your sessions (#15): where you are signed in. */
export const sessions = {
  'sessions.title': 'Where you are signed in',
  'sessions.intro': 'Each device or browser you signed in with. Sign out one you do not recognise: it is cut off at once.',
  'sessions.list': 'Your sessions',
  'sessions.current': 'This device',
  'sessions.details': '{address} · last seen {lastSeen} · signed in {created}',
  'sessions.unknownAddress': 'unknown address',
  'sessions.revoke': 'Sign out',
  'sessions.revokeLabel': 'Sign out {device}',
  'sessions.revoked': '{device} was signed out.',
  'sessions.revokeOthers': 'Sign out everywhere else',
  'sessions.revokedOthers': 'Signed out of {count} other sessions.',
  'sessions.link': 'Where you are signed in',
} as const;
