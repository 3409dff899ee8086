import type { QuestionStatus } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';

export function QuestionStatusBadge({ status }: { status: QuestionStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge--${status === 'answered' ? 'ok' : 'info'}`}>{t(`questions.status.${status}`)}</span>;
}
