import { Injectable } from '@nestjs/common';
import { PersonalDataShare, tableOwner } from '@ruche/platform';

/**
 * Training's share of a person's data (#15): enrollments and completed steps (their progress), and
 * when they finished or skipped the first run.
 * Erasure deletes their progress; paths they created stay for the people following them, the
 * creator now "Former employee" (the column is required).
 */
@Injectable()
export class TrainingPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner('training', [
    { table: 'training_enrollments', columns: ['user_id'], section: 'enrollments', erase: 'delete' },
    { table: 'training_step_completions', columns: ['user_id'], section: 'steps_completed', erase: 'delete' },
    { table: 'training_paths', columns: ['created_by'], section: 'paths_created', erase: 'keep' },
    { table: 'training_first_runs', columns: ['user_id'], section: 'first_run', erase: 'delete' },
  ]);
}
