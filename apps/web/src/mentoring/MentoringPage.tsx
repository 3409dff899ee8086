import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useTitle } from '../ui/bits';
import { AskMentorForm } from './AskMentorForm';
import { MentoringRequests } from './MentoringRequests';
import { OfferForm } from './OfferForm';
import { useMentoringRealtime } from './useMentoringRealtime';

/** Mentoring: what I offer, asking for a guide on a skill, and my requests as mentee and mentor. */
export function MentoringPage() {
  const { t } = useI18n();
  useTitle(t('mentoring.title'));
  useMentoringRealtime();
  const askId = useId();
  const offerId = useId();
  return (
    <div className="narrow stack">
      <h1 className="page-title">{t('mentoring.title')}</h1>
      <section className="card stack" aria-labelledby={askId}>
        <h2 className="section-title" id={askId}>
          {t('mentoring.ask.title')}
        </h2>
        <AskMentorForm />
      </section>
      <MentoringRequests role="mentee" />
      <MentoringRequests role="mentor" />
      <section className="card stack" aria-labelledby={offerId}>
        <h2 className="section-title" id={offerId}>
          {t('mentoring.offer.title')}
        </h2>
        <OfferForm />
      </section>
    </div>
  );
}
