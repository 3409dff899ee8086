import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One person following another. The pair is the key; nobody follows themselves (CHECK). */
@Entity({ name: 'follows' })
export class FollowEntity {
  @PrimaryColumn({ name: 'follower_id', type: 'uuid' })
  followerId: string;

  @PrimaryColumn({ name: 'followee_id', type: 'uuid' })
  followeeId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
