import { useQuery } from '@tanstack/react-query';
import { recognitionApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { PersonLink, RelativeTime } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import { StaticChips } from '../ui/Chips';

/**
 * A person's recognition on their profile (#17): the badges they earned and the latest kudos they
 * received and gave (the api leaves out what the viewer may not see, and everything of someone who
 * opted out, but to them). Nothing when there is nothing to show.
 */
export function RecognitionCard({ userId }: { userId: string }) {
  const { t } = useI18n();
  const badges = useQuery({ queryKey: ['recognition', 'badges', userId], queryFn: () => recognitionApi.badgesOf(userId) });
  const kudos = useQuery({ queryKey: ['recognition', 'kudos', userId], queryFn: () => recognitionApi.kudosOf(userId) });
  const badgeItems = badges.data?.items ?? [];
  const kudosItems = kudos.data?.items ?? [];
  if (badgeItems.length === 0 && kudosItems.length === 0) return null;
  return (
    <CardSection title={t('recognition.title')}>
      <StaticChips label={t('recognition.badges')} items={badgeItems} keyOf={(b) => b.badge}>
        {(b) => t(`recognition.badge.${b.badge}`)}
      </StaticChips>
      {kudosItems.length > 0 && (
        <ul className="bare-list stack" aria-label={t('recognition.kudos')}>
          {kudosItems.map((k) => (
            <li key={k.id}>
              <p>
                {k.to.id === userId ? (
                  <>
                    {t('recognition.from')} <PersonLink user={k.from} />
                  </>
                ) : (
                  <>
                    {t('recognition.to')} <PersonLink user={k.to} />
                  </>
                )}{' '}
                · <RelativeTime iso={k.createdAt} />
              </p>
              {/* Plain text, as written: never rendered as markup. */}
              <p>{k.message}</p>
            </li>
          ))}
        </ul>
      )}
    </CardSection>
  );
}
