import { useI18n } from '../i18n/I18nProvider';
import { Field, type InputFieldProps } from './Field';

type Props = Omit<InputFieldProps, 'type'>;

/**
 * An email address field, required unless told (labelled "Work email" unless told): sign-in,
 * registration, recovery and invitations all ask for one the same way.
 */
export function EmailField({ label, ...props }: Omit<Props, 'label' | 'name'> & { label?: string }) {
  const { t } = useI18n();
  return <Field label={label ?? t('auth.email')} type="email" name="email" required {...props} />;
}

/**
 * A password field named `password`, required unless told (labelled "Password" unless told). `purpose` is what the browser's password manager needs:
 * `current` to fill in a saved one, `new` to offer one and save it; a new one shows the password
 * policy as its hint unless given another.
 */
export function PasswordField({
  purpose,
  hint,
  label,
  ...props
}: Omit<Props, 'autoComplete' | 'label' | 'name'> & { purpose: 'current' | 'new'; label?: string; name?: string }) {
  const { t } = useI18n();
  return (
    <Field
      type="password"
      autoComplete={`${purpose}-password`}
      label={label ?? t('auth.password')}
      name="password"
      hint={hint ?? (purpose === 'new' ? t('auth.password.hint') : undefined)}
      required
      {...props}
    />
  );
}
