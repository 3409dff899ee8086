import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { peopleApi } from '../api/endpoints';
import { uploadFile } from '../api/files';
import type { Profile } from '../api/types';
import { updateUser } from '../auth/session';
import { keys } from '../feed/cache';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { Avatar, FormError } from '../ui/bits';
import { useAction } from '../ui/useAction';
import styles from './EditProfileForm.module.css';

/**
 * One's photo (#16), saved at once (not with the form): "Change photo" uploads the chosen image
 * and makes it the avatar; "Remove photo" brings back the generated one. The header, the profile
 * and the lists of posts are refreshed so the new face shows everywhere.
 */
export function AvatarEditor({ profile }: { profile: Profile }) {
  // Shown at once, whether or not the page's copy of the profile is refreshed yet.
  const [current, setCurrent] = useState(profile.avatarUrl);
  const { busy, error, run } = useAction();
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();

  const apply = (change: () => Promise<{ avatarUrl: string | null }>, done: string) =>
    run(async () => {
      const { avatarUrl } = await change();
      const photo = avatarUrl ?? undefined;
      setCurrent(photo);
      updateUser({ avatarUrl: photo });
      qc.setQueryData<Profile>(keys.profile(profile.id), (p) => (p ? { ...p, avatarUrl: photo } : p));
      void qc.invalidateQueries({ queryKey: keys.postLists });
      announce(done);
    });

  const choose = (file: File | undefined) =>
    file && void apply(async () => peopleApi.setAvatar((await uploadFile(file)).id), t('editProfile.photoChanged'));

  return (
    <div className={`row ${styles.photo}`}>
      <Avatar user={{ ...profile, avatarUrl: current }} size="lg" />
      <div className="stack">
        <div className="row">
          <label className={`btn btn--secondary ${styles.photoPick}`} aria-disabled={busy}>
            {busy ? t('common.saving') : t('editProfile.changePhoto')}
            <input
              type="file"
              className="visually-hidden"
              accept="image/png,image/jpeg,image/webp"
              disabled={busy}
              onChange={(event) => {
                choose(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
          </label>
          {current && (
            <button
              type="button"
              className="btn btn--ghost"
              disabled={busy}
              onClick={() => void apply(() => peopleApi.removeAvatar(), t('editProfile.photoRemoved'))}
            >
              {t('editProfile.removePhoto')}
            </button>
          )}
        </div>
        <p className="muted">{t('editProfile.photoHint')}</p>
        <FormError>{error}</FormError>
      </div>
    </div>
  );
}
