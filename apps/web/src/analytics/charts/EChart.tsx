import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { type ChartOption, echarts } from './echarts';
import styles from './EChart.module.css';

export interface EChartHandle {
  /** The chart as it is drawn now, as an SVG document (for the PNG export). */
  svg(): string | null;
  size(): { width: number; height: number };
}

/**
 * One ECharts instance in a div: created on mount, given each new option whole (no merging with
 * the last period's series), resized with its box, disposed on unmount. The drawing is hidden from
 * screen readers: every chart in Ruche also gives its figures as a table.
 */
export function EChart({ option, height, ref }: { option: ChartOption; height: number; ref?: Ref<EChartHandle> }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const element = box.current!;
    // A box not laid out yet (a hidden tab, a test's document) reports 0: start at a usual width.
    const instance = echarts.init(element, undefined, { renderer: 'svg', width: element.clientWidth || 600, height });
    chart.current = instance;
    const observer =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() => {
            if (element.clientWidth) instance.resize({ width: element.clientWidth, height });
          })
        : null;
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [height]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, height]);

  useImperativeHandle(
    ref,
    () => ({
      svg: () => chart.current?.renderToSVGString() ?? null,
      size: () => ({ width: chart.current?.getWidth() ?? 600, height: chart.current?.getHeight() ?? height }),
    }),
    [height],
  );

  return <div ref={box} className={styles.chart} style={{ height }} aria-hidden="true" />;
}
