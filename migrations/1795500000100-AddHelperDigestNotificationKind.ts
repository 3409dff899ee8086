import { AddKindsMigration, NOTIFICATION_KINDS } from './kind-check.js';

/** Issue #17: a group's owners and admins hear that its monthly "who helped" digest is ready. */
const ADDED = ['digest.helpers'];

export class AddHelperDigestNotificationKind1795500000100 extends AddKindsMigration {
  name = 'AddHelperDigestNotificationKind1795500000100';

  constructor() {
    super(NOTIFICATION_KINDS, ADDED);
  }
}
