import { useState } from 'react';
import { campaignsApi } from '../api/endpoints';
import type { Campaign, IdeaSort } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { rememberPeople } from '../people/known';
import { ListStates } from '../ui/ListStates';
import { ListMore } from '../ui/ListMore';
import { usePages } from '../ui/usePages';
import { ideaKeys } from './cache';
import { IdeaCard } from './IdeaCard';
import styles from './IdeaList.module.css';

const SORTS: IdeaSort[] = ['top', 'new'];

/** A campaign's ideas, most voted or newest first. Counts change live; the order on refresh. */
export function IdeaList({ campaign }: { campaign: Campaign }) {
  const { t } = useI18n();
  const [sort, setSort] = useState<IdeaSort>('top');
  const { list, items: ideas } = usePages(ideaKeys.ideas(campaign.id, sort), async (cursor) => {
    const page = await campaignsApi.ideas(campaign.id, sort, cursor);
    rememberPeople(page.items.map((i) => i.author));
    return page;
  });
  const open = campaign.status === 'open';

  return (
    <section className="ideas" aria-labelledby="ideas-title">
      <div className={styles.head}>
        <h2 id="ideas-title" className="section-title">
          {t('campaign.ideas', { count: campaign.ideaCount })}
        </h2>
        <div className={styles.segmented} role="group" aria-label={t('ideas.sort')}>
          {SORTS.map((s) => (
            <button key={s} type="button" className={styles.option} aria-pressed={sort === s} onClick={() => setSort(s)}>
              {t(`ideas.sort.${s}`)}
            </button>
          ))}
        </div>
      </div>
      <ListStates
        list={list}
        count={ideas.length}
        empty={<p className="card empty">{open ? t('ideas.emptyOpen') : t('ideas.empty')}</p>}
      >
        <div className={styles.items}>
          {ideas.map((idea) => (
            <IdeaCard key={idea.id} idea={idea} open={open} />
          ))}
        </div>
      </ListStates>
      <ListMore list={list} label={t('ideas.more')} />
    </section>
  );
}
