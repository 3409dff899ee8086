import { useId } from 'react';
import styles from './BarChart.module.css';

/**
 * A small bar chart in plain SVG: one bar per day, the values also given as a table for screen
 * readers (the drawing itself is hidden from them).
 */
export function BarChart({
  title,
  points,
  valueLabel,
  formatDate,
}: {
  title: string;
  points: { label: string; value: number }[];
  valueLabel: string;
  formatDate(label: string): string;
}) {
  const id = useId();
  const max = Math.max(1, ...points.map((p) => p.value));
  const width = 600;
  const height = 160;
  const gap = 2;
  const bar = points.length ? width / points.length : width;
  return (
    <figure className={styles.chart} aria-labelledby={`${id}-title`}>
      <figcaption className={styles.title} id={`${id}-title`}>
        {title} <span className="muted">(max {max})</span>
      </figcaption>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        <line x1="0" y1={height - 0.5} x2={width} y2={height - 0.5} className={styles.axis} />
        {points.map((p, i) => {
          const h = (p.value / max) * (height - 8);
          return (
            <rect
              key={p.label}
              x={i * bar + gap / 2}
              y={height - h}
              width={Math.max(1, bar - gap)}
              height={h}
              className={styles.bar}
            >
              <title>{`${formatDate(p.label)}: ${p.value}`}</title>
            </rect>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{formatDate('')}</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.label}>
              <th scope="row">{formatDate(p.label)}</th>
              <td>{p.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
