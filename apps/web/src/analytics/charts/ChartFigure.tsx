import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { EChart, type EChartHandle } from './EChart';
import type { ChartOption } from './echarts';
import { download, fileName, svgToPng, toCsv } from './exports';
import styles from './ChartFigure.module.css';
import { InlineError } from '../../ui/InlineError';

export interface ChartTable {
  header: string[];
  rows: (string | number | null)[][];
}

/**
 * A titled chart with its figures: the drawing for the eye, the same figures as a table for screen
 * readers (the drawing is hidden from them), and both as files — a PNG of what is drawn for a slide,
 * a CSV of the table for a spreadsheet.
 */
export function ChartFigure({
  title,
  option,
  table,
  height = 200,
}: {
  title: string;
  option: ChartOption;
  table: ChartTable;
  height?: number;
}) {
  const { t } = useI18n();
  const id = useId();
  const chart = useRef<EChartHandle>(null);
  const [failed, setFailed] = useState(false);

  async function savePng() {
    setFailed(false);
    const svg = chart.current?.svg();
    if (!svg) return;
    const size = chart.current!.size();
    try {
      download(await svgToPng(svg, size.width, size.height), fileName(title, 'png'));
    } catch {
      setFailed(true);
    }
  }

  function saveCsv() {
    download(new Blob([toCsv(table.header, table.rows)], { type: 'text/csv;charset=utf-8' }), fileName(title, 'csv'));
  }

  return (
    <figure className={styles.figure} aria-labelledby={`${id}-title`}>
      <div className={styles.head}>
        <figcaption className={styles.title} id={`${id}-title`}>
          {title}
        </figcaption>
        <div className={styles.actions}>
          <button
            type="button"
            className="btn btn--ghost btn--small"
            onClick={() => void savePng()}
            aria-label={t('analytics.chart.png', { title })}
          >
            PNG
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--small"
            onClick={saveCsv}
            aria-label={t('analytics.chart.csv', { title })}
          >
            CSV
          </button>
        </div>
      </div>
      <EChart ref={chart} option={option} height={height} />
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            {table.header.map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={String(row[0])}>
              <th scope="row">{row[0]}</th>
              {row.slice(1).map((cell, index) => (
                <td key={index}>{cell ?? '—'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <InlineError>{failed && t('analytics.chart.pngFailed')}</InlineError>
    </figure>
  );
}
