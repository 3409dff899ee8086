import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { campaignsApi } from '../api/endpoints';
import type { Campaign, Idea } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { FormError } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import { Field } from '../ui/Field';
import { SubmitRow } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';
import { addIdea, ideaKeys } from './cache';
import { SimilarIdeas } from './SimilarIdeas';

/** The api's limits (libs/ideas IDEA_LIMITS). */
const LIMITS = { title: 200, body: 10_000 };

/** Submit an idea to an open campaign; similar existing ideas are suggested while the title is typed. */
export function SubmitIdeaForm({ campaign }: { campaign: Campaign }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const similarId = useId();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [last, setLast] = useState<Idea | null>(null);
  const labels = { title: t('submit.titleLabel'), body: t('submit.bodyLabel') };
  const { errors, form, field, busy, send, required, refuse } = useFormErrors(labels);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (refuse(required({ title, body }))) return;
    await send(async () => {
      const idea = await campaignsApi.submit(campaign.id, { title, body });
      addIdea(qc, idea);
      void qc.invalidateQueries({ queryKey: ideaKeys.campaign(campaign.id) });
      setTitle('');
      setBody('');
      setLast(idea);
      announce(t('submit.done'));
    });
  }

  return (
    <CardSection title={t('submit.title')} className="card submit-idea">
      {last && (
        <p className="notice" role="status">
          {t('submit.doneText')} <Link to={`/ideas/${last.id}`}>{last.title}</Link>
        </p>
      )}
      <form ref={form} className="stack" onSubmit={submit} noValidate>
        <FormError>{errors._form?.join(' ')}</FormError>
        <Field {...field('title', title, setTitle)} maxLength={LIMITS.title} aria-describedby={similarId} autoComplete="off" />
        <SimilarIdeas campaignId={campaign.id} title={title} id={similarId} />
        <Field multiline {...field('body', body, setBody)} hint={t('submit.bodyHint')} rows={4} maxLength={LIMITS.body} />
        <SubmitRow busy={busy} busyLabel={t('submit.busy')}>
          {t('submit.submit')}
        </SubmitRow>
      </form>
    </CardSection>
  );
}
