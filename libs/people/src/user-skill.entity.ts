import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A skill a person declares: `skill` is the normalised key (see skill.ts), `name` as first written. */
@Entity({ name: 'user_skills' })
export class UserSkillEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'text' })
  skill: string;

  @Column({ type: 'text' })
  name: string;

  /** Declared order, 0..49 (unique per person, which also caps the count at 50). */
  @Column({ type: 'smallint', default: 0 })
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
