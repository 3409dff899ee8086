import { query, request } from './client';
import type { Body, Returns } from './schema';
import type { FirstRunState, Page, Suggestions, TrainingPath, TrainingPathInput, TrainingProgress } from './types';

const id = encodeURIComponent;

/** Training paths (#17): mine with my progress, the ones I may edit, and their progress. */
export const trainingApi = {
  mine: () => request<Returns<'/api/me/training', 'get'>>('GET', '/api/me/training'),
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

/** First run (#16): my suggestions, and whether the first-run screen is due. */
export const firstRunApi = {
  suggestions: () => request<Suggestions>('GET', `/api/me/suggestions${query({ limit: 6 })}`),
  state: () => request<FirstRunState>('GET', '/api/me/first-run'),
  finish: (outcome: Body<'/api/me/first-run', 'put'>['outcome']) =>
    request<FirstRunState>('PUT', '/api/me/first-run', { outcome }),
};
