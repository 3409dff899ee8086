import { useMemo } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { ChartFigure } from './charts/ChartFigure';
import { type ChartOption, prefersReducedMotion, themeColor } from './charts/echarts';

export interface IdeaCounts {
  submitted: number;
  inReview: number;
  selected: number;
  implemented: number;
}

const STAGES: (keyof IdeaCounts)[] = ['submitted', 'inReview', 'selected', 'implemented'];

/**
 * The idea funnel of the period: ideas submitted, and ideas that reached review, selection and
 * implementation in it (an idea submitted earlier can reach a stage now, so a stage is not a share
 * of the one above and none is shown).
 */
export function IdeaFunnel({ ideas }: { ideas: IdeaCounts }) {
  const { t } = useI18n();
  const stages = useMemo(() => STAGES.map((stage) => ({ stage, count: ideas[stage] })), [ideas]);
  const option = useMemo<ChartOption>(() => {
    const primary = themeColor('--primary', '#8a4500');
    const honey = themeColor('--honey', '#f2a93b');
    return {
      animation: !prefersReducedMotion(),
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '10%',
          width: '80%',
          top: 8,
          bottom: 8,
          minSize: '8%',
          gap: 2,
          label: { show: true, position: 'inside', formatter: '{b}: {c}', color: '#ffffff', fontWeight: 'bold' },
          data: stages.map(({ stage, count }, index) => ({
            name: t(`analytics.funnel.${stage}`),
            value: count,
            itemStyle: { color: index % 2 === 0 ? primary : honey },
            label: { color: index % 2 === 0 ? '#ffffff' : '#1f1d1a' },
          })),
        },
      ],
    };
  }, [stages, t]);
  const table = {
    header: [t('analytics.funnel.stage'), t('analytics.funnel.count')],
    rows: stages.map(({ stage, count }) => [t(`analytics.funnel.${stage}`), count]),
  };
  return <ChartFigure title={t('analytics.funnel.title')} option={option} table={table} height={220} />;
}
