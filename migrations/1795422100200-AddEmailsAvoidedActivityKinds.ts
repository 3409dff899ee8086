import { AddKindsMigration, ANALYTICS_ACTIVITY_KINDS } from './kind-check.js';

/**
 * Issue #13, the emails-avoided figure v2: analytics records announcements acknowledged (a term of
 * the formula) and the email the bridge still carries, out (`email.sent`) and in
 * (`email.received`), per day.
 */
const ADDED = ['announcement_ack', 'email_sent', 'email_received'];

export class AddEmailsAvoidedActivityKinds1795422100200 extends AddKindsMigration {
  name = 'AddEmailsAvoidedActivityKinds1795422100200';

  constructor() {
    super(ANALYTICS_ACTIVITY_KINDS, ADDED);
  }
}
