import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { CardSection } from '../ui/CardSection';
import { StaticChips } from '../ui/Chips';
import { ListStates } from '../ui/ListStates';
import { useMyMentoring } from './OfferForm';

/**
 * On my own profile: the skills I mentor on and my settings (GET /api/me/mentoring). Other people's
 * profiles show only the public part (GET /api/users/:id/mentoring).
 */
export function MyMentoringCard() {
  const { t } = useI18n();
  const mine = useMyMentoring();
  const topics = mine.data?.topics ?? [];
  return (
    <CardSection title={t('profile.mentoring')}>
      <ListStates list={mine} count={topics.length} empty={<p className="muted">{t('profile.notMentoring')}</p>}>
        <p className="muted">{t('profile.mentorsOn')}</p>
        <StaticChips label={t('profile.mentorsOn')} items={topics} keyOf={(topic) => topic.topic}>
          {(topic) => topic.label}
        </StaticChips>
        {mine.data?.available === false && <p className="muted">{t('mentoring.notTaking')}</p>}
      </ListStates>
      <Link to="/mentoring">{t('profile.mentoringLink')}</Link>
    </CardSection>
  );
}
