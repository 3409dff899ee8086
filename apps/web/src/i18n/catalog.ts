/**
 * A catalog in another language than English: English defines each area's keys, and this type
 * makes a missing or an extra key in the translation a compile error.
 */
export type CatalogOf<English> = { [K in keyof English]: string };
