/** A word people use for a topic (`k8s`) and the topic it stands for (`kubernetes`). */
export interface SkillSynonym {
  alias: string;
  canonical: string;
}

/** Produced by `libs/expertise`. */
export interface ExpertiseEvents {
  /**
   * No socket audience: for the expertise listener on whichever instance stamps it, which re-keys
   * stored expertise to the new canonical topics and re-reads declared skills.
   */
  'skill_synonyms.updated': { added: SkillSynonym[]; removed: SkillSynonym[] };
}
