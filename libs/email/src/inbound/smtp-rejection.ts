/**
 * A refusal the SMTP endpoint answers with (smtp-server sends `responseCode` and `message`).
 * `reason` is the short, stable name logged with it and counted; the message is what the sending
 * server writes into the bounce its user reads, so it says what to do.
 */
export class SmtpRejection extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'SmtpRejection';
  }
}

export const rejection = {
  notOurs: () => new SmtpRejection(550, '5.1.2 This server only takes mail for Ruche addresses', 'relay_denied'),
  unknownRecipient: () => new SmtpRejection(550, '5.1.1 No such address here', 'unknown_recipient'),
  unknownToken: () =>
    new SmtpRejection(550, '5.1.1 This reply address is unknown or has expired: reply from Ruche itself', 'unknown_token'),
  inactiveAccount: () => new SmtpRejection(550, '5.7.1 This account cannot post in Ruche', 'inactive_account'),
  noLongerAllowed: () =>
    new SmtpRejection(550, '5.7.1 You can no longer post in this conversation: open it in Ruche', 'not_allowed'),
  senderMismatch: () => new SmtpRejection(550, '5.7.1 Send from the address Ruche has on record for you', 'sender_mismatch'),
  unknownSender: () =>
    new SmtpRejection(
      550,
      '5.7.1 Only members of this group can post to it, from the address Ruche has on record',
      'unknown_sender',
    ),
  notMember: () =>
    new SmtpRejection(550, '5.7.1 Only members of this group can post to it, from the address Ruche has on record', 'not_member'),
  dmarc: () => new SmtpRejection(550, '5.7.1 The sender failed its domain’s DMARC policy', 'dmarc_fail'),
  empty: () => new SmtpRejection(550, '5.6.0 Nothing to post: write your text above the quoted message', 'empty'),
  tooLong: (max: number) =>
    new SmtpRejection(552, `5.3.4 The text is longer than the ${max} characters a post or reply may have`, 'too_long'),
  oversize: (max: number) => new SmtpRejection(552, `5.3.4 Message larger than ${max} bytes`, 'oversize'),
  tooManyRecipients: () => new SmtpRejection(452, '4.5.3 One Ruche address per message', 'too_many_recipients'),
  ipFlood: () => new SmtpRejection(421, '4.7.0 Too many connections from your address, try again later', 'ip_flood'),
  senderFlood: () => new SmtpRejection(451, '4.7.1 Too many messages from this sender, try again later', 'sender_flood'),
  unavailable: () => new SmtpRejection(451, '4.3.0 Ruche could not take the message now, try again later', 'unavailable'),
};
