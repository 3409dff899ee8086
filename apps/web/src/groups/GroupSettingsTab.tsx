import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { groupsApi } from '../api/endpoints';
import type { GroupInput } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { CardSection } from '../ui/CardSection';
import { groupKeys, isManager } from './cache';
import { GroupBans } from './GroupBans';
import { GroupForm } from './GroupForm';
import { useGroupContext } from './GroupPage';

/** Owners and admins edit the name, description, guidelines and visibility (PATCH, changed fields only). */
export function GroupSettingsTab() {
  const { t } = useI18n();
  const { group } = useGroupContext();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [saved, setSaved] = useState(0);
  if (!isManager(group.myRole)) return <p className="card empty">{t('group.settingsDenied')}</p>;
  const initial: GroupInput = {
    name: group.name,
    description: group.description ?? '',
    guidelines: group.guidelines ?? '',
    visibility: group.visibility,
  };
  return (
    <>
      <CardSection title={t('group.settingsTitle')} className="card">
        <GroupForm
          key={saved}
          initial={initial}
          withGuidelines
          submitLabel={t('common.save')}
          busyLabel={t('common.saving')}
          onSubmit={async (values) => {
            const patch: Partial<GroupInput> = {};
            for (const field of ['name', 'description', 'guidelines', 'visibility'] as const) {
              if (values[field] !== initial[field]) (patch as Record<string, string>)[field] = values[field] ?? '';
            }
            if (Object.keys(patch).length === 0) return;
            const updated = await groupsApi.update(group.id, patch);
            qc.setQueryData(groupKeys.group(group.id), { ...updated, myRole: updated.myRole ?? group.myRole });
            void qc.invalidateQueries({ queryKey: groupKeys.lists });
            announce(t('group.saved'));
            setSaved((n) => n + 1);
          }}
        />
      </CardSection>
      <GroupBans groupId={group.id} />
    </>
  );
}
