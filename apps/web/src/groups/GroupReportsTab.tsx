import { useI18n } from '../i18n/I18nProvider';
import { ReviewQueue } from '../moderation/ReviewQueue';
import { isManager } from './cache';
import { useGroupContext } from './GroupPage';

/** Owners and admins review what was reported in their group. */
export function GroupReportsTab() {
  const { t } = useI18n();
  const { group } = useGroupContext();
  if (!isManager(group.myRole)) return <p className="card empty">{t('group.settingsDenied')}</p>;
  return (
    <section aria-label={t('group.tab.reports')}>
      <ReviewQueue groupId={group.id} />
    </section>
  );
}
