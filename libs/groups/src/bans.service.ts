import { Injectable } from '@nestjs/common';
import { IdentityService, type UserSummary } from '@ruche/identity';
import {
  type AuthUser,
  conflict,
  Database,
  decodeCursor,
  forbidden,
  invalid,
  notFound,
  type Page,
  PageQuery,
  rows,
  SqlParams,
  Transactions,
} from '@ruche/platform';
import type { BanView } from './dto.js';
import { enforce, GroupAccess } from './group-access.js';
import { groupSubject, userRoom } from './group-events.js';
import { canBan, canModerateBans, isMemberRole, keepsAnOwner } from './group-rules.js';
import { activeBanSql } from './group-sql.js';

interface BanRow {
  id: string;
  group_id: string;
  user_id: string;
  until: Date | null;
  reason: string;
  banned_by: string | null;
  created_at: Date;
}

const BAN_COLUMNS = 'id, group_id, user_id, until, reason, banned_by, created_at';

function toBanView(row: BanRow, user: UserSummary): BanView {
  return {
    id: row.id,
    groupId: row.group_id,
    user,
    until: row.until?.toISOString() ?? null,
    reason: row.reason,
    bannedBy: row.banned_by,
    createdAt: row.created_at.toISOString(),
  };
}

export interface NewBan {
  userId: string;
  /** ISO-8601; absent: until lifted. */
  until?: string | null;
  reason: string;
}

/**
 * Group bans, by the group's owners and admins or a site moderator. A ban removes the membership
 * (the person's sockets leave the group room when `group.member_removed` is delivered) and keeps
 * them from joining, posting, commenting and reacting until it is lifted or runs out.
 */
@Injectable()
export class BansService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly access: GroupAccess,
    private readonly identity: IdentityService,
  ) {}

  async ban(actor: AuthUser, groupId: string, input: NewBan): Promise<BanView> {
    const until = input.until ? new Date(input.until) : null;
    if (until && (Number.isNaN(until.getTime()) || until.getTime() <= Date.now()))
      throw invalid('until must be a date in the future');
    if (input.userId === actor.id) throw invalid('You cannot ban yourself');
    const person = (await this.identity.summaries([input.userId])).get(input.userId);
    return this.transactions.run(async (tx) => {
      const { facts } = await this.access.load(tx.manager, groupId, actor, true);
      enforce(canModerateBans(facts), 'Only the group’s owners and admins, or a moderator, can ban');
      if (!person) throw notFound('User');
      // The database clock decides (it stamps created_at); the check above only spares a round trip.
      if (until) {
        const [{ future }] = await rows<{ future: boolean }>(tx.manager, 'SELECT $1::timestamptz > now() AS future', [until]);
        if (!future) throw invalid('until must be a date in the future');
      }
      const target = (await this.access.roleOf(tx.manager, groupId, person.id))?.role ?? null;
      if (!canBan(facts, target)) {
        throw forbidden(target === 'owner' ? 'Only a moderator can ban an owner of the group' : 'Admins can ban members only');
      }
      if (target === 'owner' && !keepsAnOwner(await this.access.ownerCount(tx.manager, groupId), target, null)) {
        throw conflict('The last owner of a group cannot be banned; another owner is needed first');
      }
      // A ban that ran out stays open until something closes it: this new one does.
      await tx.manager.query(
        `UPDATE group_bans SET lifted_at = until
          WHERE group_id = $1 AND user_id = $2 AND lifted_at IS NULL AND until <= now()`,
        [groupId, person.id],
      );
      const [row] = await rows<BanRow>(
        tx.manager,
        `INSERT INTO group_bans (group_id, user_id, until, reason, banned_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (group_id, user_id) WHERE lifted_at IS NULL DO NOTHING
         RETURNING ${BAN_COLUMNS}`,
        [groupId, person.id, until, input.reason, actor.id],
      );
      if (!row) throw conflict('This person is already banned from this group');
      if (target) {
        await tx.manager.query('DELETE FROM group_memberships WHERE group_id = $1 AND user_id = $2', [groupId, person.id]);
        if (isMemberRole(target)) {
          await this.access.addToMemberCount(tx.manager, groupId, -1);
          await tx.emit({
            type: 'group.member_removed',
            payload: { groupId, userId: person.id, reason: 'banned' },
            audience: [userRoom(person.id)],
            subject: groupSubject(groupId),
            actorId: actor.id,
          });
        }
      }
      await tx.emit({
        type: 'group.banned',
        payload: {
          groupId,
          userId: person.id,
          banId: row.id,
          until: row.until?.toISOString() ?? null,
          reason: row.reason,
          bannedBy: actor.id,
        },
        audience: [userRoom(person.id)],
        subject: groupSubject(groupId),
        actorId: actor.id,
      });
      return toBanView(row, person);
    });
  }

  /** Lifts the active ban (404 when there is none). The person may then join again. */
  async unban(actor: AuthUser, groupId: string, userId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const { facts } = await this.access.load(tx.manager, groupId, actor, true);
      enforce(canModerateBans(facts), 'Only the group’s owners and admins, or a moderator, can lift a ban');
      const [lifted] = await rows<{ id: string }>(
        tx.manager,
        `UPDATE group_bans b SET lifted_at = now(), lifted_by = $3
          WHERE b.group_id = $1 AND b.user_id = $2 AND ${activeBanSql('b')}
         RETURNING b.id`,
        [groupId, userId, actor.id],
      );
      if (!lifted) throw notFound('Ban');
      await tx.emit({
        type: 'group.unbanned',
        payload: { groupId, userId, banId: lifted.id, liftedBy: actor.id },
        audience: [userRoom(userId)],
        subject: groupSubject(groupId),
        actorId: actor.id,
      });
    });
  }

  /** Bans in force, newest first. */
  async list(viewer: AuthUser, groupId: string, page: PageQuery): Promise<Page<BanView>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const { facts } = await this.access.load(this.db.manager, groupId, viewer);
    enforce(canModerateBans(facts), 'Only the group’s owners and admins, or a moderator, can see its bans');
    const params = new SqlParams();
    const [group, take] = [params.add(groupId), params.add(page.limit + 1)];
    const found = await rows<BanRow>(
      this.db.manager,
      `SELECT ${BAN_COLUMNS} FROM group_bans b
        WHERE b.group_id = ${group} AND ${activeBanSql('b')} ${after ? `AND ${params.keyset('b.created_at, b.id', '<', after)}` : ''}
        ORDER BY b.created_at DESC, b.id DESC
        LIMIT ${take}`,
      params.values,
    );
    return this.identity.peoplePage(
      found,
      page.limit,
      (r) => r.user_id,
      (r) => [r.created_at, r.id],
      toBanView,
    );
  }
}
