import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { campaignsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';

/** Where an empty feed leads first, before the campaign of the moment. */
const STEPS: [to: string, label: MessageKey][] = [
  ['/welcome', 'feed.next.welcome'],
  ['/people', 'feed.next.people'],
  ['/groups', 'feed.next.groups'],
  ['/questions/ask', 'feed.next.ask'],
];

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
        {STEPS.map(([to, label]) => (
          <li key={to}>
            <Link to={to}>{t(label)}</Link>
          </li>
        ))}
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
