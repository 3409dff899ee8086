/** Most skills a person may declare, and the longest name one may have. */
export const MAX_SKILLS = 50;
export const MAX_SKILL_LENGTH = 60;
/** Compatibility folding can lengthen a name ("ﷺ" is 18 letters): keys past this are refused. */
export const MAX_SKILL_KEY_LENGTH = 200;

/**
 * The "combining diacritical marks" blocks: what accents become after NFKD. Not \p{M}, which
 * would also strip vowel signs of other scripts and merge different words.
 */
// eslint-disable-next-line no-misleading-character-class -- ranges of combining marks are the point
const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/**
 * The key two spellings of one skill share: "  Développement   Web " and "developpement web"
 * are the same skill. Trimmed, whitespace collapsed, lower case, accents stripped (only
 * diacritics: marks that carry meaning in other scripts are kept), compatibility forms folded
 * ("ﬁ" → "fi", full-width → ASCII). Empty when nothing meaningful is left.
 */
export function skillKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** How a skill is shown: as written, trimmed, whitespace collapsed. */
export function skillDisplayName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

export interface DeclaredSkill {
  skill: string;
  name: string;
}

/**
 * The skills a person declares, in order, one per key: the first spelling of a key wins.
 * Names that normalise to nothing are left out.
 */
export function declaredSkills(names: readonly string[]): DeclaredSkill[] {
  const seen = new Map<string, DeclaredSkill>();
  for (const raw of names) {
    const skill = skillKey(raw);
    if (skill && !seen.has(skill)) seen.set(skill, { skill, name: skillDisplayName(raw) });
  }
  return [...seen.values()];
}
