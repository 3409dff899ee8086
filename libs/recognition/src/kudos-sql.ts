import type { KudosTarget } from '@ruche/contracts';
import type { ModerationState } from '@ruche/platform';

export interface KudosRow {
  id: string;
  author_id: string;
  recipient_id: string;
  target_type: KudosTarget;
  target_id: string;
  message: string;
  moderation_state: ModerationState;
  created_at: Date;
}

export const KUDOS_COLUMNS = (k: string) =>
  ['id', 'author_id', 'recipient_id', 'target_type', 'target_id', 'message', 'moderation_state', 'created_at']
    .map((c) => `${k}.${c}`)
    .join(', ');
