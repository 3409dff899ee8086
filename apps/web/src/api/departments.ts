import { query, request } from './client';
import type { DepartmentDashboard, DepartmentStats } from './types';

/** The department dashboard (#17, analytics readers). */
export const departmentsApi = {
  list: (from: string, to: string) =>
    request<{ from: string; to: string; smallestDepartment: number; items: DepartmentStats[] }>(
      'GET',
      `/api/analytics/departments${query({ from, to })}`,
    ),
  get: (department: string, from: string, to: string) =>
    request<DepartmentDashboard>('GET', `/api/analytics/departments/${encodeURIComponent(department)}${query({ from, to })}`),
};
