import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { GroupRole } from './group-rules.js';

/** One person's place in one group: a role, or a pending join request. The pair is the key. */
@Entity({ name: 'group_memberships' })
export class GroupMembershipEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  role: GroupRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** NULL while the request is pending. */
  @Column({ name: 'joined_at', type: 'timestamptz', precision: 3, nullable: true })
  joinedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;
}
