import { useId, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import { Field } from './Field';

/** Results follow the typing (the page debounces it), so there is nothing to submit: Enter keeps the page. */
function SearchForm({ className, children }: { className: string; children: ReactNode }) {
  return (
    <form className={className} role="search" onSubmit={(event: FormEvent) => event.preventDefault()}>
      {children}
    </form>
  );
}

type SearchFieldProps = Omit<Extract<ComponentProps<typeof Field>, { multiline?: false }>, 'type' | 'multiline' | 'className'>;

/**
 * A page's search: a card with the labelled search field (hint, placeholder, …) and, under it,
 * `children` such as filters.
 */
export function SearchBox({
  className = 'card search-box',
  children,
  ...field
}: SearchFieldProps & { className?: string; children?: ReactNode }) {
  return (
    <SearchForm className={className}>
      <Field type="search" {...field} />
      {children}
    </SearchForm>
  );
}

/** One search box above a list, its label visually hidden and shown as the placeholder. */
export function InlineSearch({
  label,
  value,
  onValueChange,
  maxLength,
}: {
  label: string;
  value: string;
  onValueChange(value: string): void;
  maxLength: number;
}) {
  const id = useId();
  return (
    <SearchForm className="search-inline">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="field__control"
        placeholder={label}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        maxLength={maxLength}
      />
    </SearchForm>
  );
}
