import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { requestBlob } from '../api/client';
import { type ImportReport, orgApi, type PeopleImport } from '../api/org';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { ActionError } from '../ui/ActionError';
import { DataTable } from '../ui/DataTable';
import { InlineError } from '../ui/InlineError';
import { SubmitButton } from '../ui/SubmitButton';
import styles from './PeopleImportAdmin.module.css';

/** How often the screen asks how far an applying import got. */
const POLL_MS = 1000;
const RUNNING = new Set<PeopleImport['status']>(['queued', 'applying']);

function ReportTable({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  return (
    <DataTable
      caption={t('import.table')}
      columns={[t('import.line'), t('import.email'), t('import.action'), t('import.details')]}
      className={styles.table}
    >
      {report.rows.map((row) => (
        <tr key={row.line}>
          <td>{row.line}</td>
          <td>{row.email}</td>
          <td className={row.action === 'error' ? styles.error : undefined}>{t(`import.action.${row.action}` as MessageKey)}</td>
          <td>
            <ul className={styles.details}>
              {row.changes.map((c) => (
                <li key={c.field}>
                  {t('import.change', {
                    field: c.field,
                    before: c.before || t('import.empty'),
                    after: c.after || t('import.empty'),
                  })}
                </li>
              ))}
              {row.errors.map((e) => (
                <li key={e} className={styles.error}>
                  {e}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * Admins import people from a CSV file (#15): check it first (the dry run's report, row by row),
 * then apply it and follow its progress until it is done.
 */
export function PeopleImportAdmin() {
  const { t } = useI18n();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);

  const check = useMutation({
    mutationFn: (f: File) => orgApi.checkImport(f),
    onSuccess: (created) => setImportId(created.id),
  });
  const current = useQuery({
    queryKey: ['people-import', importId],
    queryFn: () => orgApi.getImport(importId!),
    enabled: importId !== null,
    initialData: check.data?.id === importId ? check.data : undefined,
    refetchInterval: (query) => (query.state.data && RUNNING.has(query.state.data.status) ? POLL_MS : false),
  });
  const apply = useMutation({
    mutationFn: () => orgApi.applyImport(importId!),
    onSuccess: () => void current.refetch(),
  });
  const download = useMutation({
    mutationFn: async () => {
      const blob = await requestBlob(orgApi.reportPath(importId!));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'people-import-report.csv';
      a.click();
      URL.revokeObjectURL(url);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) check.mutate(file);
  };
  const data = current.data;
  const report = data?.result ?? data?.report;

  return (
    <div className="stack">
      <p className="muted">{t('import.intro')}</p>
      <form className="stack" onSubmit={submit}>
        <label htmlFor={fileId}>{t('import.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setImportId(null);
          }}
        />
        <SubmitButton className="btn btn--secondary" busy={check.isPending} busyLabel={t('import.checking')} disabled={!file}>
          {t('import.check')}
        </SubmitButton>
        <ActionError error={check.error} />
      </form>

      {data && report && (
        <section className="stack" aria-live="polite">
          <p>
            {t(data.result ? 'import.resultSummary' : 'import.summary', {
              create: report.create,
              update: report.update,
              unchanged: report.unchanged,
              errors: report.errors,
            })}
          </p>
          {data.status === 'dry_run' && (
            <button type="button" className="btn btn--primary" onClick={() => apply.mutate()} disabled={apply.isPending}>
              {t('import.apply')}
            </button>
          )}
          <ActionError error={apply.error} />
          {data.status !== 'dry_run' && (
            <div>
              <label>
                {t('import.progress')}
                <progress className={styles.progress} value={data.processed} max={Math.max(data.total, 1)} />
              </label>
              <p className="muted">
                {RUNNING.has(data.status) && `${t('import.applying')} `}
                {t('import.progressText', { processed: data.processed, total: data.total })}
              </p>
            </div>
          )}
          <InlineError>{data.status === 'failed' && t('import.failed', { error: data.error ?? '' })}</InlineError>
          <button type="button" className="btn btn--outline btn--small" onClick={() => download.mutate()}>
            {t('import.downloadReport')}
          </button>
          <ReportTable report={report} />
        </section>
      )}
    </div>
  );
}
