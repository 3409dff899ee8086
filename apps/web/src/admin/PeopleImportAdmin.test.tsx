import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportReport, PeopleImport } from '../api/org';
import { answerApi, renderUi } from '../testing/render';
import { PeopleImportAdmin } from './PeopleImportAdmin';

const IMPORT_ID = '00000000-0000-4000-8000-0000000000aa';
const report: ImportReport = {
  total: 3,
  create: 1,
  update: 1,
  unchanged: 0,
  errors: 1,
  rows: [
    {
      line: 2,
      email: 'new@corp.example',
      action: 'create',
      changes: [{ field: 'displayName', before: '', after: 'New' }],
      errors: [],
    },
    {
      line: 3,
      email: 'alice@corp.example',
      action: 'update',
      changes: [{ field: 'title', before: 'Engineer', after: 'Lead' }],
      errors: [],
    },
    { line: 4, email: 'bad', action: 'error', changes: [], errors: ['email is not a valid address'] },
  ],
};
const dryRun: PeopleImport = {
  id: IMPORT_ID,
  fileName: '',
  status: 'dry_run',
  total: 3,
  processed: 0,
  report,
  result: null,
  error: null,
  createdAt: '2026-01-05T09:00:00.000Z',
  startedAt: null,
  finishedAt: null,
};

describe('PeopleImportAdmin', () => {
  it('checks a file (the dry run table), applies it and follows its progress to the end', async () => {
    let polls = 0;
    const calls = answerApi((call) => {
      if (call.method === 'POST' && call.path === '/api/admin/people/imports?dryRun=true') return { status: 201, body: dryRun };
      if (call.method === 'POST' && call.path === `/api/admin/people/imports/${IMPORT_ID}/apply`)
        return { status: 201, body: { ...dryRun, status: 'queued' } };
      if (call.method === 'GET' && call.path === `/api/admin/people/imports/${IMPORT_ID}`) {
        if (!calls.some((c) => c.method === 'POST' && c.path.endsWith('/apply'))) return { status: 200, body: dryRun };
        polls++;
        return polls < 2
          ? { status: 200, body: { ...dryRun, status: 'applying', processed: 1 } }
          : { status: 200, body: { ...dryRun, status: 'applied', processed: 3, result: { ...report, create: 1, update: 1 } } };
      }
      return undefined;
    });
    const { user } = renderUi(<PeopleImportAdmin />, { signedIn: true });
    const file = new File(['email,displayName\nnew@corp.example,New\n'], 'people.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('CSV file'), file);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));

    expect(await screen.findByText('1 to create, 1 to update, 0 unchanged, 1 with errors')).toBeTruthy();
    expect(screen.getByRole('table')).toBeTruthy();
    expect(screen.getByText('title: Engineer → Lead')).toBeTruthy();
    expect(screen.getByText('displayName: (empty) → New')).toBeTruthy();
    expect(screen.getByText('email is not a valid address')).toBeTruthy();
    const sent = calls.find((c) => c.method === 'POST' && c.path.includes('dryRun=true'));
    expect(sent?.authorization).toBe('Bearer test-access-token');

    await user.click(screen.getByRole('button', { name: 'Apply the import' }));
    const progress = await screen.findByRole('progressbar', { name: 'Import progress' });
    expect(progress).toBeTruthy();
    expect(
      await screen.findByText('Done: 1 created, 1 updated, 0 unchanged, 1 with errors', undefined, { timeout: 4000 }),
    ).toBeTruthy();
    expect(screen.getByText('3 of 3 rows')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Apply the import' })).toBeNull();
  });

  it('a file the api refuses shows why, in the reader’s language', async () => {
    answerApi((call) =>
      call.method === 'POST'
        ? { status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Unknown column', code: 'csv_invalid' } }
        : undefined,
    );
    const { user } = renderUi(<PeopleImportAdmin />, { signedIn: true });
    await user.upload(screen.getByLabelText('CSV file'), new File(['mail\nx\n'], 'bad.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The file is not a CSV file this import can read.');
  });
});
