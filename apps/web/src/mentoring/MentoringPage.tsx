import { useI18n } from '../i18n/I18nProvider';
import { useTitle } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import { AskMentorForm } from './AskMentorForm';
import { MentoringRequests } from './MentoringRequests';
import { OfferForm } from './OfferForm';
import { useMentoringRealtime } from './useMentoringRealtime';

/** Mentoring: what I offer, asking for a guide on a skill, and my requests as mentee and mentor. */
export function MentoringPage() {
  const { t } = useI18n();
  useTitle(t('mentoring.title'));
  useMentoringRealtime();
  return (
    <div className="narrow stack">
      <h1 className="page-title">{t('mentoring.title')}</h1>
      <CardSection title={t('mentoring.ask.title')} titleClassName="section-title">
        <AskMentorForm />
      </CardSection>
      <MentoringRequests role="mentee" />
      <MentoringRequests role="mentor" />
      <CardSection title={t('mentoring.offer.title')} titleClassName="section-title">
        <OfferForm />
      </CardSection>
    </div>
  );
}
