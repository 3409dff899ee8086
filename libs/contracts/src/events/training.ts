/** Produced by `libs/training`. */
export interface TrainingEvents {
  /**
   * Audience: the person (`user:<id>`). A step of one of their paths is done; `pathCompleted` when
   * it was the last one. The first-run checklist ticks it off live.
   */
  'training.progressed': { pathId: string; stepId: string; userId: string; pathCompleted: boolean };
  /** Audience: the person. They were given a path (a new account, a new group, a new community role). */
  'training.enrolled': { pathId: string; userId: string; title: string };
}
