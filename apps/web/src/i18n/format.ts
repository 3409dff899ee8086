/**
 * A small subset of ICU MessageFormat: `{name}` and
 * `{count, plural, =0 {...} one {# thing} other {# things}}` (`#` is the formatted number).
 */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const OPTION = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

export type Params = Record<string, string | number>;

export function formatMessage(template: string, params: Params, locale: string): string {
  const numbers = new Intl.NumberFormat(locale);
  const rules = new Intl.PluralRules(locale);
  const withPlurals = template.replace(PLURAL, (_all, name: string, body: string) => {
    const value = Number(params[name] ?? 0);
    const options = new Map<string, string>();
    for (const [, key, text] of body.matchAll(OPTION)) options.set(key, text);
    const chosen = options.get(`=${value}`) ?? options.get(rules.select(value)) ?? options.get('other') ?? '';
    return chosen.replace(/#/g, numbers.format(value));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (all, name: string) => {
    const value = params[name];
    if (value === undefined) return all;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}
