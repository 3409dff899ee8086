/**
 * The UI's words, per language and per area of the app (`en/<area>.ts`, `fr/<area>.ts`). English
 * is the reference: its keys are the type every other catalog must match.
 */
export { en, type MessageKey, type Messages } from './en';
export { fr } from './fr';
