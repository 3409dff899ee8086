/**
 * ECharts with only what Ruche draws (bars, lines and a funnel, on a grid with tooltips), drawn
 * as SVG: crisp at any zoom, styled by the page's own colours, and serialisable for the PNG export
 * without a canvas in the chart itself. Importing `echarts/core` keeps the bundle to these parts.
 */
import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;

/** A CSS custom property of the page (the charts follow the theme), or the fallback outside a page. */
export function themeColor(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** People who asked the system for less motion get charts that appear without animating. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
