import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventBus } from '@ruche/platform';
import { TrainingProgressService } from './training-progress.service.js';

/**
 * Training follows what people do, through the owners' events: a new account is given the
 * company's onboarding paths, a new member their group's, a new community owner or admin the
 * community owners' paths; posts, questions, joins, accepted guidelines, mentoring pairings,
 * declared skills and follows tick the steps that ask for them. Each handler is idempotent, as redelivery requires.
 */
@Injectable()
export class TrainingListeners implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly progress: TrainingProgressService,
  ) {}

  onModuleInit(): void {
    const on = this.bus.subscribe.bind(this.bus);
    on(
      'user.registered',
      ({ payload }) => this.progress.enrollFor(payload.user.id, { reason: 'new_account' }),
      'training.enroll-new-account',
    );
    on(
      'group.created',
      async ({ payload }) => {
        if (payload.group.createdBy) await this.progress.enrollFor(payload.group.createdBy, { reason: 'community_owner' });
      },
      'training.enroll-group-creator',
    );
    on(
      'group.role_changed',
      async ({ payload }) => {
        if (payload.role === 'admin' || payload.role === 'owner') {
          await this.progress.enrollFor(payload.userId, { reason: 'community_owner' });
        }
      },
      'training.enroll-group-admin',
    );
    const joined = async ({ payload }: { payload: { groupId: string; userId: string } }) => {
      await this.progress.enrollFor(payload.userId, { reason: 'joined_group', groupId: payload.groupId });
      await this.progress.completeBy(payload.userId, { kind: 'join_group', groupId: payload.groupId });
    };
    on('group.member_joined', joined, 'training.member-joined');
    on('group.member_approved', joined, 'training.member-approved');
    on(
      'post.created',
      ({ payload }) => this.progress.completeBy(payload.post.author.id, { kind: 'first_post', groupId: payload.post.groupId }),
      'training.first-post',
    );
    on(
      'question.created',
      ({ payload }) => this.progress.completeBy(payload.question.asker.id, { kind: 'first_question' }),
      'training.first-question',
    );
    on(
      'guidelines.accepted',
      ({ payload }) => this.progress.completeBy(payload.userId, { kind: 'accept_guidelines' }),
      'training.guidelines',
    );
    on(
      'skills.updated',
      async ({ payload }) => {
        if (payload.skills.length > 0) await this.progress.completeBy(payload.userId, { kind: 'declare_skills' });
      },
      'training.skills',
    );
    on(
      'user.followed',
      ({ payload }) => this.progress.completeBy(payload.followerId, { kind: 'follow_people' }),
      'training.follow',
    );
    on(
      'mentoring.paired',
      ({ payload }) => this.progress.completeBy(payload.menteeId, { kind: 'meet_mentor' }),
      'training.mentor',
    );
  }
}
