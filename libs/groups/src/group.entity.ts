import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GroupVisibility } from './group-rules.js';

@Entity({ name: 'groups' })
export class GroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Markdown, stored as written. */
  @Column({ type: 'text', default: '' })
  guidelines: string;

  @Column({ type: 'text' })
  visibility: GroupVisibility;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  /** Owners, admins and members; changed in the same transaction as the membership it counts. */
  @Column({ name: 'member_count', type: 'integer', default: 0 })
  memberCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
