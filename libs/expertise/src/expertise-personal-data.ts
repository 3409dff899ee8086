import { Injectable } from '@nestjs/common';
import { PersonalDataShare, tableOwner } from '@ruche/platform';

/**
 * Expertise's share of a person's data (#15): the topics they are known for (and the credits they
 * are computed from), topics they follow or volunteer to help with. All of it is about the person
 * and derived or declared by them: erasure deletes it, so they are never routed or suggested again.
 */
@Injectable()
export class ExpertisePersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner('expertise', [
    { table: 'expertise', columns: ['user_id'], section: 'expertise', erase: 'delete' },
    { table: 'expertise_answer_credits', columns: ['user_id'], erase: 'delete' },
    { table: 'expertise_post_credits', columns: ['user_id'], erase: 'delete' },
    { table: 'expertise_review_credits', columns: ['user_id'], erase: 'delete' },
    { table: 'topic_follows', columns: ['user_id'], section: 'topics_followed', erase: 'delete' },
    { table: 'topic_helpers', columns: ['user_id'], section: 'topics_helping', erase: 'delete' },
  ]);
}
