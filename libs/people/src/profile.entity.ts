import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What a person says about their work. A missing row reads as an empty profile. */
@Entity({ name: 'profiles' })
export class ProfileEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text', default: '' })
  title: string;

  @Column({ type: 'text', default: '' })
  department: string;

  @Column({ type: 'text', default: '' })
  location: string;

  @Column({ type: 'text', default: '' })
  bio: string;

  /** `bio` rendered once on write (#14); NULL for bios written before: rendered on read. */
  @Column({ name: 'bio_html', type: 'text', nullable: true })
  bioHtml: string | null;

  /** 'en' | 'fr'; null: not set (English). */
  @Column({ type: 'text', nullable: true })
  locale: string | null;

  /** An IANA zone (Europe/Paris); null: not set (UTC). */
  @Column({ name: 'time_zone', type: 'text', nullable: true })
  timeZone: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
