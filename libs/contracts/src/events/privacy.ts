/** Produced by `libs/privacy` (#15: personal data). */
export interface PrivacyEvents {
  /** Audience: the person. Their archive is being built (the job listens to this event). */
  'personal_data.export_requested': { exportId: string; userId: string };
  /** Audience: the person. The archive is ready to download (or failed). */
  'personal_data.export_finished': { exportId: string; userId: string; status: 'ready' | 'failed' };
  /**
   * Audience: the person (their sockets close). The account was erased, by themselves or an admin:
   * `pseudonym` is all the audit log keeps of them; the payload never carries erased data.
   */
  'user.erased': { userId: string; pseudonym: string; mode: 'anonymise' | 'delete'; by: 'self' | 'admin' };
}
