/**
 * Produced by the email bridge (`libs/email`: outbound mail, and the inbound SMTP endpoint).
 * Bookkeeping events, addressed to no one (no audience, never delivered to a client room): analytics
 * counts them per day as the email Ruche still carries, in and out.
 */
export interface EmailEvents {
  /** Audience: none. One email went out to `recipientId`; `kind` says what (digest, a notification kind, announcement). */
  'email.sent': { recipientId: string; kind: string };
  /**
   * Audience: none. One message arrived at the inbound endpoint. `senderId` is the person it was
   * matched to (null when unknown); `kind` what it was addressed to (a reply address, a group's
   * address, anything else); `outcome` what became of it (accepted: it wrote a comment, answer or
   * post; rejected at the SMTP level; ignored: auto-replies, duplicates, digest replies).
   */
  'email.received': {
    senderId: string | null;
    kind: 'reply' | 'group' | 'other';
    outcome: 'accepted' | 'rejected' | 'ignored';
  };
}
