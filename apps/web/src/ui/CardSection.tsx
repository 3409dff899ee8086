import { useId, type ReactNode } from 'react';

/**
 * A card that its heading names for assistive tech (`aria-labelledby`): a profile's mentoring,
 * an idea's merge or decision, a page's form. `titleClassName` is `section-title` for a page's
 * sections, the card's own title look by default.
 */
export function CardSection({
  title,
  className = 'card stack',
  titleClassName = 'card__title',
  children,
}: {
  title: ReactNode;
  className?: string;
  titleClassName?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id} className={titleClassName}>
        {title}
      </h2>
      {children}
    </section>
  );
}
