import { query, request } from './client';
import type { Page, TrainingPath, TrainingPathInput, TrainingProgress } from './types';

const id = encodeURIComponent;

/** Training paths (#17): mine with my progress, the ones I may edit, and their progress. */
export const trainingApi = {
  mine: () => request<{ items: TrainingPath[] }>('GET', '/api/me/training'),
  managed: (cursor: string | null) =>
    request<Page<TrainingPath>>('GET', `/api/training/paths${query({ filter: 'managed', limit: 50, cursor })}`),
  get: (pathId: string) => request<TrainingPath>('GET', `/api/training/paths/${id(pathId)}`),
  create: (body: TrainingPathInput) => request<TrainingPath>('POST', '/api/training/paths', body),
  publish: (pathId: string) => request<TrainingPath>('POST', `/api/training/paths/${id(pathId)}/publish`),
  archive: (pathId: string) => request<TrainingPath>('POST', `/api/training/paths/${id(pathId)}/archive`),
  remove: (pathId: string) => request<void>('DELETE', `/api/training/paths/${id(pathId)}`),
  /** Ticks a reading step (the other kinds are ticked by doing them). */
  complete: (pathId: string, stepId: string) =>
    request<TrainingPath>('POST', `/api/training/paths/${id(pathId)}/steps/${id(stepId)}/complete`),
  progress: (pathId: string) => request<TrainingProgress>('GET', `/api/training/paths/${id(pathId)}/progress`),
};
