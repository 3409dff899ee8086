import { Injectable } from '@nestjs/common';
import { PersonalDataShare, tableOwner } from '@ruche/platform';

/**
 * Email's share of a person's data (#15): the messages sent to them (with their address), reply
 * tokens, messages they sent in. Erasure deletes what was sent to them and their tokens (a reply
 * by email stops working at once) and clears them as the sender of inbound messages (the row
 * stays: it keeps a redelivered message from posting twice).
 */
@Injectable()
export class EmailPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner('email', [
    { table: 'email_messages', columns: ['recipient_id'], section: 'emails_sent_to_me', erase: 'delete' },
    { table: 'email_reply_tokens', columns: ['user_id'], erase: 'delete' },
    { table: 'email_inbound_messages', columns: ['sender_id'], section: 'emails_received_from_me', erase: 'null' },
  ]);
}
