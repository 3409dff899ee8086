import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The transactional outbox: written in the same transaction as the change it describes.
 * `id` is taken at insert time and can commit out of order; `seq` is stamped later by a single
 * publisher, in commit-visible order, and is the `eventId` clients see.
 */
@Entity({ name: 'outbox' })
export class OutboxEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'bigint', nullable: true })
  seq: string | null;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  audience: string[];

  @Column({ name: 'subject_type', type: 'text', nullable: true })
  subjectType: string | null;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;
}
