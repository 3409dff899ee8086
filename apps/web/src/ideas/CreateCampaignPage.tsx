import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { campaignsApi } from '../api/endpoints';
import type { UserSummary } from '../api/types';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { PersonPicker } from '../people/PersonPicker';
import { useAnnounce } from '../ui/Announcer';
import { FormError, useTitle } from '../ui/bits';
import { focusFirstInvalid, formErrors } from '../ui/errors';
import { Field } from '../ui/Field';
import { TagsEditor } from '../ui/TagsEditor';
import { ideaKeys } from './cache';
import { CriteriaEditor, newCriterion, toCriteria, type CriterionDraft } from './CriteriaEditor';

/** A new campaign (a draft, opened from its page): the question, topics, scorecard, panel, how many advance. */
export function CreateCampaignPage() {
  const i18n = useI18n();
  const { t } = i18n;
  useTitle(t('campaigns.create'));
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [topics, setTopics] = useState<string[]>([]);
  const [criteria, setCriteria] = useState<CriterionDraft[]>(() => [newCriterion()]);
  const [reviewers, setReviewers] = useState<UserSummary[]>([]);
  const [advanceTopN, setAdvanceTopN] = useState('5');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const labels = {
    title: t('campaignForm.title'),
    description: t('campaignForm.description'),
    topics: t('campaignForm.topics'),
    criteria: t('campaignForm.criteria'),
    reviewerIds: t('campaignForm.reviewers'),
    advanceTopN: t('campaignForm.advanceTopN'),
  };

  if (!me.roles.includes('innovation')) {
    return (
      <div className="narrow">
        <p className="card empty">
          {t('campaignForm.denied')} <Link to="/campaigns">{t('campaigns.title')}</Link>
        </p>
      </div>
    );
  }

  function check(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const required = (field: keyof typeof labels) => [t('form.required', { field: labels[field] })];
    if (!title.trim()) out.title = required('title');
    if (!description.trim()) out.description = required('description');
    if (criteria.some((c) => !c.name.trim() || !(Number(c.weight) > 0))) out.criteria = [t('campaignForm.criteriaInvalid')];
    if (reviewers.length === 0) out.reviewerIds = [t('campaignForm.reviewersRequired')];
    const n = Number(advanceTopN);
    if (!Number.isInteger(n) || n < 1) out.advanceTopN = [t('campaignForm.advanceInvalid')];
    return out;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problems = check();
    setErrors(problems);
    if (Object.keys(problems).length) return focusFirstInvalid(form.current);
    setBusy(true);
    try {
      const campaign = await campaignsApi.create({
        title,
        description,
        topics,
        criteria: toCriteria(criteria),
        reviewerIds: reviewers.map((r) => r.id),
        advanceTopN: Number(advanceTopN),
      });
      qc.setQueryData(ideaKeys.campaign(campaign.id), campaign);
      void qc.invalidateQueries({ queryKey: ideaKeys.campaigns });
      announce(t('campaignForm.created'));
      void navigate(`/campaigns/${campaign.id}`);
    } catch (error) {
      setErrors(formErrors(error, i18n, labels));
      setBusy(false);
      focusFirstInvalid(form.current);
    }
  }

  return (
    <div className="narrow">
      <h1 className="page-title">{t('campaigns.create')}</h1>
      <form ref={form} className="card stack" onSubmit={submit} noValidate>
        <FormError>{errors._form?.join(' ')}</FormError>
        <Field label={labels.title} value={title} onValueChange={setTitle} errors={errors.title} maxLength={200} required />
        <Field
          multiline
          label={labels.description}
          hint={t('campaignForm.descriptionHint')}
          value={description}
          onValueChange={setDescription}
          errors={errors.description}
          rows={4}
          maxLength={10_000}
          required
        />
        <TagsEditor
          label={labels.topics}
          hint={t('campaignForm.topicsHint')}
          addLabel={t('campaignForm.addTopic')}
          removeLabel={(name) => t('editProfile.removeSkill', { name })}
          value={topics}
          onChange={setTopics}
          errors={errors.topics}
        />
        <CriteriaEditor value={criteria} onChange={setCriteria} errors={errors.criteria} />
        <PersonPicker
          label={labels.reviewerIds}
          hint={t('campaignForm.reviewersHint')}
          value={reviewers}
          onChange={setReviewers}
          errors={errors.reviewerIds}
        />
        <Field
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          label={labels.advanceTopN}
          hint={t('campaignForm.advanceHint')}
          value={advanceTopN}
          onValueChange={setAdvanceTopN}
          errors={errors.advanceTopN}
          className="field--short"
        />
        <div className="row row--end">
          <Link to="/campaigns" className="btn btn--ghost">
            {t('common.cancel')}
          </Link>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? t('campaignForm.busy') : t('campaignForm.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
