import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A ban from one group: active while not lifted and `until` (if any) is in the future. */
@Entity({ name: 'group_bans' })
export class GroupBanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** NULL: until lifted. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  until: Date | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'banned_by', type: 'uuid', nullable: true })
  bannedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'lifted_at', type: 'timestamptz', precision: 3, nullable: true })
  liftedAt: Date | null;

  @Column({ name: 'lifted_by', type: 'uuid', nullable: true })
  liftedBy: string | null;
}
