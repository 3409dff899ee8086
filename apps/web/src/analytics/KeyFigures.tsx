import type { ReactNode } from 'react';
import figures from './figures.module.css';

/** Key figures as a grid of cards, each its label over its value (the analytics page, emails avoided, a group's health). */
export function KeyFigures({ items, label }: { items: [label: string, value: ReactNode][]; label?: string }) {
  return (
    <dl className={figures.kpis} aria-label={label}>
      {items.map(([name, value]) => (
        <div key={name} className={`card ${figures.kpi}`}>
          <dt className={figures.label}>{name}</dt>
          <dd className={figures.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
