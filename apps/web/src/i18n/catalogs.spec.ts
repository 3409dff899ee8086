import { describe, expect, it } from '@jest/globals';
import { API_ERROR_CODES } from '@ruche/contracts';
import { areas as englishAreas, en } from './en';
import { areas as frenchAreas, fr } from './fr';

/**
 * The type makes a French catalog match its English area at compile time; this checks the
 * catalogs as the app loads them, where a key spread into two areas would silently hide one.
 */
describe('message catalogs', () => {
  const areaNames = Object.keys(englishAreas) as (keyof typeof englishAreas)[];

  it('have the same areas and, area by area, the same keys in English and French', () => {
    expect(Object.keys(frenchAreas).sort()).toEqual([...areaNames].sort());
    for (const area of areaNames) {
      expect({ area, keys: Object.keys(frenchAreas[area]).sort() }).toEqual({
        area,
        keys: Object.keys(englishAreas[area]).sort(),
      });
    }
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('put every key in one area only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const area of areaNames) {
      for (const key of Object.keys(englishAreas[area])) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)}, ${area})`);
        seen.set(key, area);
      }
    }
    expect(twice).toEqual([]);
  });

  it('leave no message empty, and use the same placeholders in both languages', () => {
    // `{name}` or `{count, plural, ...}`, not a plural's options (`one {# post}`).
    const placeholders = (text: string) =>
      [...text.matchAll(/(?<!(?:^|[\s,{}])(?:=\d+|zero|one|two|few|many|other)\s*)\{(\w+)(?=[,}])/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, en: en[key].trim() !== '', fr: fr[key].trim() !== '' }).toEqual({ key, en: true, fr: true });
      expect({ key, placeholders: placeholders(fr[key]) }).toEqual({ key, placeholders: placeholders(en[key]) });
    }
  });

  it('word every error code the api sends, in both languages', () => {
    const missing = API_ERROR_CODES.flatMap((code) =>
      [en, fr].flatMap((catalog, i) => {
        const text = (catalog as Record<string, string>)[`api.error.${code}`];
        return text?.trim() ? [] : [`${i ? 'fr' : 'en'}: ${code}`];
      }),
    );
    expect(missing).toEqual([]);
  });
});
