import { accessToken, recoverFrom401 } from '../auth/session';
import { request } from './client';
import { ApiError, NetworkError } from './errors';
import type { Schema } from './schema';

/** A person in the org chart (#15): who, their role, and how many report to them directly (a deactivated one still shown, as such). */
export type OrgPerson = Schema<'OrgPerson'>;

/** What a profile adds for the org directory. */
export type OrgSummary = Pick<Schema<'ProfileView'>, 'manager' | 'reportsCount'>;

export type OrgChart = Schema<'OrgChartView'>;

export type ImportAction = ImportRowReport['action'];

export type ImportRowReport = Schema<'ImportRowReportView'>;

export type ImportReport = Schema<'ImportReportView'>;

export type PeopleImport = Schema<'PeopleImportView'>;

const id = encodeURIComponent;

/** Sends a CSV file as the body (text/csv), with the session's token (refreshed once on a 401). */
async function sendCsv(path: string, file: Blob): Promise<PeopleImport> {
  const post = async (token: string) => {
    try {
      return await fetch(path, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'text/csv', Authorization: `Bearer ${token}` },
        body: file,
      });
    } catch (error) {
      throw new NetworkError(error);
    }
  };
  let token = await accessToken();
  if (!token) throw new ApiError(401, { message: 'not signed in' });
  let res = await post(token);
  if (res.status === 401) {
    token = await recoverFrom401(token);
    if (token) res = await post(token);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body);
  return body as PeopleImport;
}

/** The org directory: charts for everyone, managers and imports for admins. */
export const orgApi = {
  chart: (userId: string) => request<OrgChart>('GET', `/api/users/${id(userId)}/org`),
  setManager: (userId: string, managerId: string | null) =>
    request<OrgChart>('PUT', `/api/admin/users/${id(userId)}/manager`, { managerId }),
  checkImport: (file: Blob) => sendCsv('/api/admin/people/imports?dryRun=true', file),
  applyImport: (importId: string) => request<PeopleImport>('POST', `/api/admin/people/imports/${id(importId)}/apply`),
  getImport: (importId: string) => request<PeopleImport>('GET', `/api/admin/people/imports/${id(importId)}`),
  reportPath: (importId: string) => `/api/admin/people/imports/${id(importId)}/report.csv`,
};
