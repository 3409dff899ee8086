import { query, request } from './client';
import type { Schema } from './schema';
import type { DepartmentDashboard } from './types';

/** The department dashboard (#17, analytics readers). */
export const departmentsApi = {
  list: (from: string, to: string) =>
    request<Schema<'DepartmentsView'>>('GET', `/api/analytics/departments${query({ from, to })}`),
  get: (department: string, from: string, to: string) =>
    request<DepartmentDashboard>('GET', `/api/analytics/departments/${encodeURIComponent(department)}${query({ from, to })}`),
};
