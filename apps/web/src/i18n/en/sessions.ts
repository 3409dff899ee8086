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
  // Personal data (#15): an archive of it, and erasing the account.
  'privacy.export.title': 'Download my data',
  'privacy.export.intro':
    'An archive (zip) of everything you wrote, your profile and your files. It is built in the background; the link works for a day.',
  'privacy.export.request': 'Prepare my archive',
  'privacy.export.progress': 'Preparing your archive: {progress}%',
  'privacy.export.download': 'Download the archive (until {until})',
  'privacy.export.failed': 'The archive could not be built. Try again.',
  'privacy.erase.title': 'Erase my account',
  'privacy.erase.intro':
    'Final: your name, profile and sign-ins are erased, your mentions read “Former employee”, and what you wrote is kept under that name or deleted, as the company decided.',
  'privacy.erase.confirmation': 'Type your handle ({handle}) to confirm',
  'privacy.erase.password': 'Your password (if your account has one)',
  'privacy.erase.submit': 'Erase my account',
} as const;
