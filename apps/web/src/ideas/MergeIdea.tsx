import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { campaignsApi, ideasApi } from '../api/endpoints';
import type { IdeaDetail } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { ErrorBlock, FormError, Loading } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import { errorText } from '../ui/errors';
import { RadioGroup } from '../ui/RadioGroup';
import { CancelButton, SubmitRow } from '../ui/SubmitButton';
import { ideaKeys } from './cache';

/**
 * The innovation team merges this idea, a duplicate, into another submitted idea of the same open
 * campaign: its votes move over (each voter counted once) and it points to the survivor. The
 * ideas with a similar title come first; the campaign's top ideas follow.
 */
export function MergeIdea({ idea }: { idea: IdeaDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [into, setInto] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const candidates = useQuery({
    queryKey: [...ideaKeys.idea(idea.id), 'merge-candidates'],
    enabled: open,
    staleTime: 0,
    queryFn: async () => {
      const [similar, top] = await Promise.all([
        campaignsApi.similar(idea.campaignId, idea.title),
        campaignsApi.ideas(idea.campaignId, 'top', null),
      ]);
      const similarIds = new Set(similar.items.map((s) => s.id));
      const seen = new Set<string>([idea.id]);
      const out: { id: string; title: string; voteCount: number; similar: boolean }[] = [];
      for (const c of [...similar.items, ...top.items]) {
        if (seen.has(c.id) || c.status !== 'submitted') continue;
        seen.add(c.id);
        out.push({ id: c.id, title: c.title, voteCount: c.voteCount, similar: similarIds.has(c.id) });
      }
      return out;
    },
  });

  const close = () => {
    setOpen(false);
    setError(null);
    requestAnimationFrame(() => toggle.current?.focus());
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!into) {
      setError(t('merge.pick'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await ideasApi.merge(idea.id, into);
      qc.setQueryData<IdeaDetail>(ideaKeys.idea(idea.id), (old) => (old ? { ...old, ...result.merged } : old));
      void qc.invalidateQueries({ queryKey: ideaKeys.idea(idea.id) });
      void qc.invalidateQueries({ queryKey: ideaKeys.idea(into) });
      void qc.invalidateQueries({ queryKey: ideaKeys.campaignIdeas(idea.campaignId) });
      void qc.invalidateQueries({ queryKey: ideaKeys.campaign(idea.campaignId) });
      announce(t('merge.done', { title: result.into.title }));
      setOpen(false);
    } catch (failure) {
      setError(errorText(failure, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <CardSection title={t('merge.title')}>
      <p className="muted">{t('merge.intro')}</p>
      {!open ? (
        <div className="row row--end">
          <button type="button" ref={toggle} className="btn btn--secondary" onClick={() => setOpen(true)}>
            {t('merge.open')}
          </button>
        </div>
      ) : candidates.isPending ? (
        <Loading />
      ) : candidates.isError ? (
        <ErrorBlock error={candidates.error} onRetry={() => void candidates.refetch()} />
      ) : candidates.data.length === 0 ? (
        <>
          <p className="card empty">{t('merge.none')}</p>
          <div className="row row--end">
            <CancelButton onClick={close} />
          </div>
        </>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <FormError>{error}</FormError>
          <RadioGroup<string>
            legend={t('merge.into')}
            name={`merge-${idea.id}`}
            value={into}
            onChange={setInto}
            options={candidates.data.map((c) => ({
              value: c.id,
              label: c.title,
              hint: [c.similar ? t('merge.similar') : null, t('idea.votes', { count: c.voteCount })].filter(Boolean).join(' · '),
            }))}
          />
          <p className="muted">{t('merge.warning')}</p>
          <SubmitRow busy={busy} busyLabel={t('common.saving')} onCancel={close}>
            {t('merge.submit')}
          </SubmitRow>
        </form>
      )}
    </CardSection>
  );
}
