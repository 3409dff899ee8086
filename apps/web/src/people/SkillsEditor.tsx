import { useI18n } from '../i18n/I18nProvider';
import { TagsEditor } from '../ui/TagsEditor';

/** A person's skills as removable chips (see TagsEditor). */
export function SkillsEditor({
  value,
  onChange,
  errors,
}: {
  value: string[];
  onChange(next: string[]): void;
  errors?: string[];
}) {
  const { t } = useI18n();
  return (
    <TagsEditor
      label={t('editProfile.skills')}
      hint={t('editProfile.skillsHint')}
      addLabel={t('editProfile.addSkill')}
      removeLabel={(name) => t('editProfile.removeSkill', { name })}
      value={value}
      onChange={onChange}
      errors={errors}
    />
  );
}
