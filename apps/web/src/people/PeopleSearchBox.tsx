import type { ComponentProps } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { SearchBox } from '../ui/SearchBox';

/** A search for people by name or @handle: SearchBox with its placeholder, no autocomplete, 100 characters. */
export function PeopleSearchBox(props: Omit<ComponentProps<typeof SearchBox>, 'placeholder' | 'autoComplete' | 'maxLength'>) {
  const { t } = useI18n();
  return <SearchBox placeholder={t('people.placeholder')} autoComplete="off" maxLength={100} {...props} />;
}
