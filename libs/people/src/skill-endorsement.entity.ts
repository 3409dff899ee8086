import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One colleague vouching for one declared skill of another; never for their own. */
@Entity({ name: 'skill_endorsements' })
export class SkillEndorsementEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'text' })
  skill: string;

  @PrimaryColumn({ name: 'endorser_id', type: 'uuid' })
  endorserId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
