import type { CatalogOf } from '../catalog';
import type { areas as english, Messages } from '../en';
// The French catalog lists the same areas as the English one, line for line, by design (the
// catalogs test checks that both hold the same keys): the repeated-code scan is told so.
// jscpd:ignore-start
import { layout } from './layout';
import { ui } from './ui';
import { auth } from './auth';
import { feed } from './feed';
import { people } from './people';
import { groups } from './groups';
import { ideas } from './ideas';
import { questions } from './questions';
import { mentoring } from './mentoring';
import { training } from './training';
import { announcements } from './announcements';
import { moderation } from './moderation';
import { notifications } from './notifications';
import { search } from './search';
import { analytics } from './analytics';
import { admin } from './admin';
import { sessions } from './sessions';
import { push } from './push';
import { security } from './security';
import { org } from './org';
import { editor } from './editor';
import { api } from './api';

/** Each area against its English one (the key test compares them at run time too). */
export const areas: { [A in keyof typeof english]: CatalogOf<(typeof english)[A]> } = {
  layout,
  ui,
  auth,
  feed,
  people,
  groups,
  ideas,
  questions,
  mentoring,
  training,
  announcements,
  moderation,
  notifications,
  search,
  analytics,
  admin,
  sessions,
  push,
  security,
  api,
  org,
  editor,
};

export const fr: Messages = {
  ...layout,
  ...ui,
  ...auth,
  ...feed,
  ...people,
  ...groups,
  ...ideas,
  ...questions,
  ...mentoring,
  ...training,
  ...announcements,
  ...moderation,
  ...notifications,
  ...search,
  ...analytics,
  ...admin,
  ...sessions,
  ...push,
  ...security,
  ...api,
  ...org,
  ...editor,
};
// jscpd:ignore-end
