import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { groupsApi } from '../api/endpoints';
import type { Group, Member, MemberRole } from '../api/types';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { PersonRow } from '../people/PersonRow';
import { useAnnounce } from '../ui/Announcer';
import { ActionError } from '../ui/ActionError';
import { CancelButton } from '../ui/SubmitButton';
import { BanForm } from './BanForm';
import { refreshGroup } from './cache';

const ROLES: MemberRole[] = ['member', 'admin', 'owner'];

/** Owners act on anyone; admins on plain members only (as the api decides). */
function mayActOn(actor: Group['myRole'], target: MemberRole): boolean {
  return actor === 'owner' || (actor === 'admin' && target === 'member');
}

function RemoveConfirm({ group, member, onCancel }: { group: Group; member: Member; onCancel(): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const remove = useMutation({
    mutationFn: () => groupsApi.removeMember(group.id, member.user.id),
    onSuccess: () => {
      announce(t('members.removed', { name: member.user.displayName }));
      refreshGroup(qc, group.id);
    },
  });
  return (
    <div className="confirm" role="alertdialog" aria-label={t('members.removeConfirm', { name: member.user.displayName })}>
      <p>{t('members.removeConfirm', { name: member.user.displayName })}</p>
      <ActionError error={remove.error} />
      <div className="row row--end">
        <CancelButton onClick={onCancel} className="btn btn--ghost btn--small" autoFocus />
        <button type="button" className="btn btn--danger btn--small" onClick={() => remove.mutate()} disabled={remove.isPending}>
          {t('members.removeYes')}
        </button>
      </div>
    </div>
  );
}

/** A member with their role; for owners and admins: change role (owners), remove, ban. */
export function MemberItem({ group, member }: { group: Group; member: Member }) {
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const [panel, setPanel] = useState<'none' | 'remove' | 'ban'>('none');
  const self = member.user.id === me.id;
  const manage = !self && mayActOn(group.myRole, member.role);

  const setRole = useMutation({
    mutationFn: (role: MemberRole) => groupsApi.setRole(group.id, member.user.id, role),
    onSuccess: () => refreshGroup(qc, group.id),
  });

  const note = (
    <>
      {t(`groups.role.${member.role}`)}
      {self && ` (${t('profile.you')})`}
    </>
  );
  return (
    <PersonRow
      user={member.user}
      note={note}
      below={
        panel === 'remove' ? (
          <RemoveConfirm group={group} member={member} onCancel={() => setPanel('none')} />
        ) : panel === 'ban' ? (
          <BanForm groupId={group.id} user={member.user} onDone={() => setPanel('none')} />
        ) : setRole.isError ? (
          <ActionError error={setRole.error} />
        ) : null
      }
    >
      {manage && (
        <>
          {group.myRole === 'owner' && (
            <select
              aria-label={t('members.roleOf', { name: member.user.displayName })}
              value={member.role}
              disabled={setRole.isPending}
              onChange={(event) => setRole.mutate(event.target.value as MemberRole)}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`groups.role.${role}`)}
                </option>
              ))}
            </select>
          )}
          <button
            type="button"
            className="btn btn--ghost btn--small"
            onClick={() => setPanel('remove')}
            aria-label={t('members.removeOf', { name: member.user.displayName })}
          >
            {t('members.remove')}
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--small"
            onClick={() => setPanel('ban')}
            aria-label={t('members.banOf', { name: member.user.displayName })}
          >
            {t('members.ban')}
          </button>
        </>
      )}
    </PersonRow>
  );
}
