import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { mentoringApi, peopleApi } from '../api/endpoints';
import type { Profile, Skill } from '../api/types';
import { useMe } from '../auth/useSession';
import { keys } from '../feed/cache';
import { RichText } from '../feed/PostBody';
import { PostList } from '../feed/PostList';
import { useI18n } from '../i18n/I18nProvider';
import { mentoringKeys } from '../mentoring/cache';
import { MyMentoringCard } from '../mentoring/MyMentoringCard';
import { RecognitionCard } from '../recognition/RecognitionCard';
import { Avatar, Loading, PageError, useTitle } from '../ui/bits';
import { ActionError } from '../ui/ActionError';
import { CardSection } from '../ui/CardSection';
import { StaticChips } from '../ui/Chips';
import { EditProfileForm } from './EditProfileForm';
import type { OrgSummary } from '../api/org';
import { OrgCard } from './OrgCard';
import { rememberPeople } from './known';
import styles from './ProfilePage.module.css';

function FollowButton({ profile }: { profile: Profile }) {
  const i18n = useI18n();
  const qc = useQueryClient();
  const following = !!profile.followedByMe;
  const toggle = useMutation({
    mutationFn: () => (following ? peopleApi.unfollow(profile.id) : peopleApi.follow(profile.id)),
    onSuccess: () => {
      qc.setQueryData<Profile>(keys.profile(profile.id), (p) =>
        p ? { ...p, followedByMe: !following, followers: Math.max(0, p.followers + (following ? -1 : 1)) } : p,
      );
      void qc.invalidateQueries({ queryKey: keys.profile(profile.id) });
      // Their posts join or leave my home feed.
      void qc.invalidateQueries({ queryKey: keys.feed('home') });
    },
  });
  return (
    <div className={styles.follow}>
      {following && (
        <span className="badge badge--ok">
          <span aria-hidden="true">✓ </span>
          {i18n.t('profile.followingState')}
        </span>
      )}
      <button
        type="button"
        className={following ? 'btn btn--secondary' : 'btn btn--primary'}
        onClick={() => toggle.mutate()}
        disabled={toggle.isPending}
      >
        {following ? i18n.t('profile.unfollow') : i18n.t('profile.follow')}
      </button>
      <ActionError error={toggle.error} />
    </div>
  );
}

function SkillItem({ profile, skill, self }: { profile: Profile; skill: Skill; self: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const endorsed = !!skill.endorsedByMe;
  const endorse = useMutation({
    mutationFn: () => {
      const key = skill.skill ?? skill.name;
      return endorsed ? peopleApi.unendorse(profile.id, key) : peopleApi.endorse(profile.id, key);
    },
    onSuccess: () => {
      qc.setQueryData<Profile>(keys.profile(profile.id), (p) =>
        p
          ? {
              ...p,
              skills: p.skills.map((s) =>
                s.name === skill.name
                  ? { ...s, endorsedByMe: !endorsed, endorsements: Math.max(0, s.endorsements + (endorsed ? -1 : 1)) }
                  : s,
              ),
            }
          : p,
      );
      void qc.invalidateQueries({ queryKey: keys.profile(profile.id) });
    },
  });
  return (
    <li className={styles.skill}>
      <span className={styles.skillText}>
        <span className={styles.skillName}>{skill.name}</span>
        <span className={styles.skillCount}>{t('profile.endorsements', { count: skill.endorsements })}</span>
      </span>
      {!self && (
        <button
          type="button"
          className={`btn btn--small ${endorsed ? 'btn--secondary' : 'btn--outline'}`}
          aria-pressed={endorsed}
          aria-label={t('profile.endorseSkill', { name: skill.name })}
          onClick={() => endorse.mutate()}
          disabled={endorse.isPending}
        >
          {endorsed ? `✓ ${t('profile.endorsed')}` : `+ ${t('profile.endorse')}`}
        </button>
      )}
      <ActionError error={endorse.error} />
    </li>
  );
}

/**
 * On someone else's profile: the skills they mentor on and whether they take a mentee now (the
 * api tells nothing more, never their requests), with the way to ask. Nothing when they offer
 * nothing; a failed read leaves the profile as it is.
 */
function TheirMentoringCard({ userId }: { userId: string }) {
  const { t } = useI18n();
  const theirs = useQuery({
    // Under mentoringKeys.all: refreshed with the rest of mentoring (a pairing changes availability).
    queryKey: [...mentoringKeys.all, 'of', userId],
    queryFn: () => mentoringApi.of(userId),
  });
  if (!theirs.data || theirs.data.topics.length === 0) return null;
  const { topics, available } = theirs.data;
  return (
    <CardSection title={t('profile.mentoring')}>
      <p className="muted">{t('profile.theyMentorOn')}</p>
      <StaticChips label={t('profile.theyMentorOn')} items={topics} keyOf={(topic) => topic.topic}>
        {(topic) => topic.label}
      </StaticChips>
      <p className="muted">{available ? t('profile.mentorAvailable') : t('profile.mentorNotTaking')}</p>
      <Link to="/mentoring">{t('profile.askMentor')}</Link>
    </CardSection>
  );
}

export function ProfilePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const self = id === me.id;
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  const profile = useQuery({
    queryKey: keys.profile(id),
    queryFn: async () => {
      const p = await peopleApi.get(id);
      rememberPeople([p]);
      return p;
    },
  });
  useTitle(profile.data?.displayName ?? t('profile.title'));
  const fetchPosts = useCallback((cursor: string | null) => peopleApi.posts(id, cursor), [id]);

  if (profile.isPending) return <Loading />;
  if (profile.isError) return <PageError error={profile.error} onRetry={() => void profile.refetch()} />;
  const p = profile.data;
  const place = [p.department, p.location].filter((f) => f && f.trim()).join(' · ');

  return (
    <div className={styles.profile}>
      <div>
        <section className={`card ${styles.card}`} aria-labelledby="profile-name">
          <Avatar user={p} size="lg" />
          <h1 id="profile-name" className={styles.name}>
            {p.displayName}
            {self && <span className="badge">{t('profile.you')}</span>}
          </h1>
          <p className={styles.handle}>@{p.handle}</p>
          {p.title && <p className={styles.title}>{p.title}</p>}
          {place && <p className={styles.facts}>{place}</p>}
          <p className={styles.counts}>
            <span>{t('profile.followers', { count: p.followers })}</span>
            <span aria-hidden="true"> · </span>
            <span>{t('profile.following', { count: p.following })}</span>
          </p>
          {self ? (
            !editing && (
              <>
                <button type="button" className="btn btn--secondary" ref={editButton} onClick={() => setEditing(true)}>
                  {t('profile.edit')}
                </button>
                <Link to="/settings/sessions">{t('sessions.link')}</Link>
              </>
            )
          ) : (
            <FollowButton profile={p} />
          )}
        </section>

        {editing ? (
          <EditProfileForm
            profile={p}
            onDone={() => {
              setEditing(false);
              requestAnimationFrame(() => editButton.current?.focus());
            }}
          />
        ) : (
          <>
            <CardSection title={t('profile.about')} className="card">
              {p.bio ? (
                <RichText text={p.bio} html={p.bioHtml} className="rich-text" />
              ) : (
                <p className="muted">{t('profile.noBio')}</p>
              )}
            </CardSection>
            <CardSection title={t('profile.skills')} className="card">
              {p.skills.length ? (
                <ul className={styles.skills}>
                  {p.skills.map((skill) => (
                    <SkillItem key={skill.name} profile={p} skill={skill} self={self} />
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('profile.noSkills')}</p>
              )}
            </CardSection>
            {/* The profile carries manager and reportsCount (org directory, #15). */}
            <OrgCard userId={id} org={p as Partial<OrgSummary>} />
            {self ? <MyMentoringCard /> : <TheirMentoringCard key={id} userId={id} />}
            <RecognitionCard key={`recognition-${id}`} userId={id} />
          </>
        )}
      </div>

      <div>
        <h2 className="section-title">{t('profile.posts')}</h2>
        <PostList
          key={id}
          label={t('profile.posts')}
          queryKey={keys.userPosts(id)}
          fetchPage={fetchPosts}
          emptyText={t('feed.user.empty')}
        />
      </div>
    </div>
  );
}
