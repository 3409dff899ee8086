/**
 * The English catalog, one file per area of the app (the folders of src/). English is the
 * reference: its keys are the type every other language must match (see ../catalog.ts).
 */
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

/** Each area's catalog: the key test checks every key is in one area only, and in both languages. */
export const areas = {
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

export const en = {
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

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
