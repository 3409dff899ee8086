import { useMemo } from 'react';
import { ChartFigure } from './charts/ChartFigure';
import { type ChartOption, prefersReducedMotion, themeColor } from './charts/echarts';

export interface SeriesPoint {
  /** The day (or the week's first day) as `YYYY-MM-DD`, in UTC. */
  label: string;
  value: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const utc = (label: string) => Date.parse(`${label}T00:00:00Z`);
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The ECharts option of one series over time: bars on a date axis, whole numbers up the side. */
export function timeSeriesOption(
  name: string,
  points: readonly SeriesPoint[],
  formatDate: (label: string) => string,
  color = themeColor('--primary', '#8a4500'),
): ChartOption {
  return {
    animation: !prefersReducedMotion(),
    grid: { left: 8, right: 16, top: 12, bottom: 8 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { value: [number, number] }[]) => {
        const [time, value] = params[0]?.value ?? [0, 0];
        return `${formatDate(isoDay(time))}<br>${name}: <b>${value}</b>`;
      },
    },
    xAxis: {
      type: 'time',
      axisLabel: { formatter: (time: number) => formatDate(isoDay(time)), hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: themeColor('--border', '#e2ddd3') } } },
    series: [
      {
        type: 'bar',
        name,
        data: points.filter((p) => DAY.test(p.label)).map((p) => [utc(p.label), p.value]),
        itemStyle: { color, borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 18,
      },
    ],
  };
}

/**
 * One figure by day or week, on a real date axis (ticks placed by date, gaps where days are
 * missing), with its table and exports (charts/ChartFigure).
 */
export function TimeSeriesChart({
  title,
  points,
  valueLabel,
  formatDate,
  height,
}: {
  title: string;
  points: SeriesPoint[];
  valueLabel: string;
  formatDate(label: string): string;
  height?: number;
}) {
  const option = useMemo(() => timeSeriesOption(valueLabel, points, formatDate), [valueLabel, points, formatDate]);
  const table = useMemo(
    () => ({ header: [formatDate(''), valueLabel], rows: points.map((p) => [formatDate(p.label), p.value]) }),
    [formatDate, valueLabel, points],
  );
  return <ChartFigure title={title} option={option} table={table} height={height} />;
}
