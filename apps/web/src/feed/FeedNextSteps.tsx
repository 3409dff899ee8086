import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { campaignsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';

/**
 * An empty home feed says what to do next (#16): follow and join (the first-run suggestions), ask
 * a question, vote in a campaign that is open now.
 */
export function FeedNextSteps() {
  const { t } = useI18n();
  const campaigns = useQuery({ queryKey: ['feed', 'next-steps', 'campaigns'], queryFn: () => campaignsApi.list(null) });
  const open = campaigns.data?.items.find((c) => c.status === 'open');
  return (
    <section className="card stack" aria-label={t('feed.next.title')}>
      <h2 className="section-title">{t('feed.next.title')}</h2>
      <p className="muted">{t('feed.home.empty')}</p>
      <ul className="stack">
        <li>
          <Link to="/welcome">{t('feed.next.welcome')}</Link>
        </li>
        <li>
          <Link to="/people">{t('feed.next.people')}</Link>
        </li>
        <li>
          <Link to="/groups">{t('feed.next.groups')}</Link>
        </li>
        <li>
          <Link to="/questions/ask">{t('feed.next.ask')}</Link>
        </li>
        <li>
          {open ? (
            <Link to={`/campaigns/${open.id}`}>{t('feed.next.vote', { title: open.title })}</Link>
          ) : (
            <Link to="/campaigns">{t('feed.next.campaigns')}</Link>
          )}
        </li>
      </ul>
    </section>
  );
}
