import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { expertsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { Avatar, ErrorBlock, Loading, PersonLink, useTitle } from '../ui/bits';
import { Field } from '../ui/Field';
import { SearchBox } from '../ui/SearchBox';
import { useDebounced } from '../ui/useDebounced';
import styles from './ExpertsPage.module.css';

/** "Who knows…?": people ranked for a topic, each with the reasons for their rank. */
export function ExpertsPage() {
  const { t } = useI18n();
  useTitle(t('experts.title'));
  // The query lives in the address (/experts?q=…), so it can be shared and survives a reload.
  const [address, setAddress] = useSearchParams();
  const addressQ = address.get('q') ?? '';
  const [text, setText] = useState(addressQ);
  const [department, setDepartment] = useState(() => address.get('department') ?? '');
  const [location, setLocation] = useState(() => address.get('location') ?? '');
  // The header's "Who knows…?" navigates here with a new q: follow it (adjusted while rendering).
  const [followedQ, setFollowedQ] = useState(addressQ);
  if (followedQ !== addressQ) {
    setFollowedQ(addressQ);
    setText((current) => (current.trim() === addressQ ? current : addressQ));
  }
  const settled = useDebounced(JSON.stringify({ q: text.trim(), department: department.trim(), location: location.trim() }), 300);
  const params = JSON.parse(settled) as { q: string; department: string; location: string };
  // The settled query goes into the address, replacing (Back leaves the page rather than stepping
  // through each word typed). Only when it settles: run on an address change, the query still
  // settling would write the previous words back over the header's new ones.
  useEffect(() => {
    const next = new URLSearchParams(Object.entries(params).filter(([, value]) => value));
    if (next.toString() !== address.toString()) setAddress(next, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  const experts = useQuery({
    queryKey: ['experts', params],
    queryFn: ({ signal }) =>
      expertsApi.search(
        { q: params.q, department: params.department || undefined, location: params.location || undefined },
        signal,
      ),
    enabled: params.q.length > 0,
    placeholderData: keepPreviousData,
  });
  const items = params.q ? (experts.data?.items ?? []) : [];

  return (
    <div className="narrow stack">
      <h1 className="page-title">{t('experts.title')}</h1>
      <SearchBox
        className="card stack"
        label={t('experts.q')}
        hint={t('experts.qHint')}
        value={text}
        onValueChange={setText}
        maxLength={200}
      >
        <div className="grid-2">
          <Field label={t('editProfile.department')} value={department} onValueChange={setDepartment} maxLength={100} />
          <Field label={t('editProfile.location')} value={location} onValueChange={setLocation} maxLength={100} />
        </div>
      </SearchBox>
      {!params.q ? (
        <p className="muted">{t('experts.prompt')}</p>
      ) : experts.isPending ? (
        <Loading />
      ) : experts.isError ? (
        <ErrorBlock error={experts.error} onRetry={() => void experts.refetch()} />
      ) : items.length === 0 ? (
        <p className="card empty">{t('experts.none', { q: params.q })}</p>
      ) : (
        <ol className={`bare-list ${styles.list}`} aria-label={t('experts.results')} aria-busy={experts.isFetching || undefined}>
          {items.map((expert) => (
            <li key={expert.user.id} className="card expert">
              <div className={styles.head}>
                <Avatar user={expert.user} />
                <div>
                  <h2 className={styles.name}>
                    <PersonLink user={expert.user} />
                  </h2>
                  <p className="muted">
                    {[expert.user.title, expert.user.department, expert.user.location].filter(Boolean).join(' · ')}
                  </p>
                </div>
              </div>
              {expert.reasons.length > 0 && (
                <ul className={styles.reasons} aria-label={t('experts.why', { name: expert.user.displayName })}>
                  {expert.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
