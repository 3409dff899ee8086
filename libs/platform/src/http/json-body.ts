import { BadRequestException } from '@nestjs/common';

/**
 * Deepest nesting of arrays and objects a JSON body may have. Ruche's deepest legitimate body is
 * three levels (a campaign's criteria); the limit leaves room and still stops the bodies that
 * cost something: 100,000 nested `[` parse fine but overflow the stack of every recursive step
 * after (class-transformer, validation), and each one holds the event loop.
 */
export const JSON_MAX_DEPTH = 32;

/** Largest request body, in bytes (a 20,000-character guideline in emoji fits several times). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether a JSON text nests arrays or objects deeper than `limit`: one linear pass that counts
 * brackets outside strings, stopping at the first level too deep, so a hostile body is refused
 * before `JSON.parse` spends anything on it. Works on the raw UTF-8 bytes: the bytes it looks
 * for are ASCII, which never occur inside a multi-byte sequence. Malformed JSON (unbalanced
 * brackets, an unclosed string) is left for the parser to reject.
 */
export function exceedsJsonDepth(json: Uint8Array | string, limit: number): boolean {
  const code = typeof json === 'string' ? (i: number) => json.charCodeAt(i) : (i: number) => json[i];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = code(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

type Done = (error: Error | null, body?: unknown) => void;

/** Invalid UTF-8 is refused: decoding it leniently would store U+FFFD instead of what was sent. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The `application/json` body parser: the depth check first, then the framework's own parser
 * (which keeps rejecting `__proto__` and `constructor.prototype` keys) on the text decoded
 * strictly as UTF-8. A body that is not a JSON
 * object (`null`, an array, a string, a number) is refused here too: every Ruche endpoint that
 * takes a body takes an object, and a `null` would otherwise reach the services as "no changes".
 */
export function jsonBodyParser<Request>(
  parse: (request: Request, body: string, done: Done) => void,
  maxDepth = JSON_MAX_DEPTH,
): (request: Request, body: Buffer, done: Done) => void {
  return (request, body, done) => {
    if (exceedsJsonDepth(body, maxDepth)) {
      done(new BadRequestException(`The JSON body is nested more than ${maxDepth} levels deep`));
      return;
    }
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(new BadRequestException('The JSON body is not valid UTF-8'));
      return;
    }
    parse(request, text, (error, parsed) => {
      if (error) done(error);
      else if (!isJsonObject(parsed)) done(new BadRequestException(NOT_AN_OBJECT));
      else done(null, parsed);
    });
  };
}

export const NOT_AN_OBJECT = 'The request body must be a JSON object';

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
