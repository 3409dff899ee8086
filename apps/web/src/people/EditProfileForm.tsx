import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { peopleApi } from '../api/endpoints';
import type { Profile, ProfilePatch } from '../api/types';
import { updateUser } from '../auth/session';
import { keys } from '../feed/cache';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { FormError } from '../ui/bits';
import { Field } from '../ui/Field';
import { InlineError } from '../ui/InlineError';
import { SubmitRow } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';
import styles from './EditProfileForm.module.css';
import { AvatarEditor } from './AvatarEditor';
import { SkillsEditor } from './SkillsEditor';

type TextField = 'displayName' | 'title' | 'department' | 'location' | 'bio';
const TEXT_FIELDS: TextField[] = ['displayName', 'title', 'department', 'location', 'bio'];
const LIMITS: Record<TextField, number> = { displayName: 80, title: 100, department: 100, location: 100, bio: 2000 };

/** The zones this browser knows (IANA), for the time zone choice. */
function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

/**
 * PATCH /api/me with the fields that changed. What was typed stays when saving fails. The
 * language and time zone of emails start from the browser's when the profile has none yet, and
 * are saved with the first save.
 */
export function EditProfileForm({ profile, onDone }: { profile: Profile; onDone(saved: boolean): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const announce = useAnnounce();
  const initial = {
    displayName: profile.displayName ?? '',
    title: profile.title ?? '',
    department: profile.department ?? '',
    location: profile.location ?? '',
    bio: profile.bio ?? '',
  };
  const [values, setValues] = useState<Record<TextField, string>>(initial);
  const [locale, setLocale] = useState<'en' | 'fr'>(profile.locale ?? i18n.lang);
  const [timeZone, setTimeZone] = useState<string>(profile.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC');
  const localeId = useId();
  const zoneId = useId();
  const [skills, setSkills] = useState<string[]>(profile.skills.map((s) => s.name));
  const labels = {
    displayName: t('editProfile.displayName'),
    title: t('editProfile.jobTitle'),
    department: t('editProfile.department'),
    location: t('editProfile.location'),
    bio: t('editProfile.bio'),
    skills: t('editProfile.skills'),
  };
  const { errors, form, field, busy, send } = useFormErrors(labels);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input:not([type="file"]), textarea')?.focus();
  }, [form]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const patch: ProfilePatch = {};
    for (const field of TEXT_FIELDS) if (values[field] !== initial[field]) patch[field] = values[field];
    const before = profile.skills.map((s) => s.name);
    if (skills.length !== before.length || skills.some((s, i) => s !== before[i])) patch.skills = skills;
    // Only one's own profile carries these (undefined on another's): unset or changed, they are saved.
    if (profile.locale !== undefined && locale !== profile.locale) patch.locale = locale;
    if (profile.timeZone !== undefined && timeZone !== profile.timeZone) patch.timeZone = timeZone;
    if (Object.keys(patch).length === 0) return onDone(false);
    await send(async () => {
      const saved = await peopleApi.updateMe(patch);
      qc.setQueryData(keys.profile(profile.id), saved);
      updateUser({ displayName: saved.displayName });
      if (patch.displayName !== undefined) void qc.invalidateQueries({ queryKey: keys.postLists });
      announce(t('editProfile.saved'));
      onDone(true);
    });
  }

  const set = (field: TextField) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  return (
    <form ref={form} className={`card stack ${styles.form}`} onSubmit={submit} noValidate aria-labelledby="edit-profile-title">
      <h2 id="edit-profile-title">{t('editProfile.title')}</h2>
      <FormError>{errors._form?.join(' ')}</FormError>
      {profile.locale !== undefined && <AvatarEditor profile={profile} />}
      <Field
        {...field('displayName', values.displayName, set('displayName'))}
        autoComplete="name"
        maxLength={LIMITS.displayName}
      />
      <div className="grid-2">
        <Field {...field('title', values.title, set('title'))} autoComplete="organization-title" maxLength={LIMITS.title} />
        <Field {...field('department', values.department, set('department'))} maxLength={LIMITS.department} />
      </div>
      <Field {...field('location', values.location, set('location'))} maxLength={LIMITS.location} />
      <Field multiline {...field('bio', values.bio, set('bio'))} rows={4} maxLength={LIMITS.bio} />
      <SkillsEditor value={skills} onChange={setSkills} errors={errors.skills} />
      {profile.locale !== undefined && (
        <div className="grid-2">
          <div className="field">
            <label className="field__label" htmlFor={localeId}>
              {t('editProfile.emailLanguage')}
            </label>
            <select id={localeId} value={locale} onChange={(event) => setLocale(event.target.value as 'en' | 'fr')}>
              <option value="en">English</option>
              <option value="fr">Français</option>
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={zoneId}>
              {t('editProfile.timeZone')}
            </label>
            <select id={zoneId} value={timeZone} onChange={(event) => setTimeZone(event.target.value)}>
              {timeZones(timeZone).map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
            <InlineError>{errors.timeZone && errors.timeZone.join(' ')}</InlineError>
          </div>
        </div>
      )}
      <SubmitRow busy={busy} busyLabel={t('common.saving')} onCancel={() => onDone(false)}>
        {t('common.save')}
      </SubmitRow>
    </form>
  );
}
