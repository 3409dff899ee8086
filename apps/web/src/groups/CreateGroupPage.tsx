import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { groupsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { useTitle } from '../ui/bits';
import { groupKeys } from './cache';
import { GroupForm } from './GroupForm';

export function CreateGroupPage() {
  const { t } = useI18n();
  useTitle(t('groups.create'));
  const qc = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();
  return (
    <div className="narrow">
      <h1 className="page-title">{t('groups.create')}</h1>
      <section className="card">
        <GroupForm
          initial={{ name: '', description: '', visibility: 'public' }}
          submitLabel={t('groups.createSubmit')}
          busyLabel={t('groups.createBusy')}
          onCancel={() => void navigate('/groups')}
          onSubmit={async (values) => {
            const group = await groupsApi.create({
              name: values.name,
              description: values.description,
              visibility: values.visibility,
            });
            qc.setQueryData(groupKeys.group(group.id), group);
            void qc.invalidateQueries({ queryKey: groupKeys.lists });
            announce(t('groups.created'));
            void navigate(`/groups/${group.id}`);
          }}
        />
      </section>
    </div>
  );
}
