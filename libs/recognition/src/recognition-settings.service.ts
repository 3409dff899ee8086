import { Injectable } from '@nestjs/common';
import { Database, rows } from '@ruche/platform';

/**
 * A person's choice about public recognition (#17): on by default. Opted out, their kudos received
 * and their badges are shown to themselves only (on their profile, on the givers' profiles, in
 * expert search reasons); they still earn them, and can opt back in.
 */
@Injectable()
export class RecognitionSettings {
  constructor(private readonly db: Database) {}

  async isPublic(userId: string): Promise<boolean> {
    return !(await this.privateAmong([userId])).has(userId);
  }

  /** Who of these people opted out of public recognition. */
  async privateAmong(userIds: readonly string[]): Promise<Set<string>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Set();
    const found = await rows<{ user_id: string }>(
      this.db.manager,
      'SELECT user_id FROM recognition_settings WHERE user_id = ANY ($1::uuid[]) AND NOT public_recognition',
      [ids],
    );
    return new Set(found.map((r) => r.user_id));
  }

  async set(userId: string, publicRecognition: boolean): Promise<{ publicRecognition: boolean }> {
    await this.db.manager.query(
      `INSERT INTO recognition_settings (user_id, public_recognition) VALUES ($1, $2)
       ON CONFLICT ON CONSTRAINT recognition_settings_pkey DO UPDATE SET public_recognition = EXCLUDED.public_recognition, updated_at = now()`,
      [userId, publicRecognition],
    );
    return { publicRecognition };
  }
}
