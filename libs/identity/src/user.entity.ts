import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AccountStatus } from '@ruche/contracts';
import type { Role } from '@ruche/platform';

export type { AccountStatus } from '@ruche/contracts';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text' })
  email: string;

  /** Unique, derived from the email's local part; what @mentions use. */
  @Column({ type: 'text' })
  handle: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** argon2id; null for an account made by single sign-on (no password sign-in). */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'text', array: true, default: () => "'{employee}'" })
  roles: Role[];

  @Column({ type: 'text', default: 'active' })
  status: AccountStatus;

  /** Bumped to end every session at once: access tokens carry it (`ver`), the caller lookup compares. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  /**
   * Null while a self-registered password account has not confirmed its address (only with SMTP
   * configured, #15): it may read but not post. Accounts from SSO, SCIM or an invitation are verified.
   */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  /** An admin set a temporary password: the web app asks for a new one; the person's own change clears it. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** The person's photo (#16): an upload libs/files keeps attached to their avatar; opaque here. */
  @Column({ name: 'avatar_file_id', type: 'uuid', nullable: true })
  avatarFileId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
