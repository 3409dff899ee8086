import type { Audience, StepKind } from './dto.js';

export interface PathRow {
  id: string;
  title: string;
  description: string;
  audience: Audience;
  group_id: string | null;
  created_by: string;
  published_at: Date | null;
  archived_at: Date | null;
  created_at: Date;
}

export const PATH_COLUMNS =
  'p.id, p.title, p.description, p.audience, p.group_id, p.created_by, p.published_at, p.archived_at, p.created_at';

export interface StepRow {
  id: string;
  path_id: string;
  position: number;
  kind: StepKind;
  title: string;
  body: string;
  group_id: string | null;
}

export const STEP_COLUMNS = 's.id, s.path_id, s.position, s.kind, s.title, s.body, s.group_id';
