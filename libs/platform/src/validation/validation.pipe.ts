import { type ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import type { FieldProblem } from '@ruche/contracts';
import { getMetadataStorage, type ValidationError } from 'class-validator';
import { isJsonObject, NOT_AN_OBJECT } from '../http/json-body.js';
import { findLoneSurrogate } from './text.js';

/**
 * The global validation pipe: unknown fields are refused, values are converted to the DTO's types.
 * A body must be an object whatever its content type: the stock pipe validates a `null` (or a
 * plain-text) body as `{}` and then hands the `null` to the controller, which an update endpoint
 * took as "change nothing". No body at all is validated as `{}` and passed on as `{}`, so a
 * service never sees `undefined` for its DTO. Any string with an unpaired surrogate, anywhere in
 * the input, is a 400 before the validators run: it cannot be stored as sent, and some validators
 * (`IsEmail`) throw on it.
 */
export class RucheValidationPipe extends ValidationPipe {
  constructor() {
    rememberRuleLookups();
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      // The DTO instance stays on each error (never sent) so `fieldProblems` can read a constraint's bounds.
      validationError: { target: true, value: false },
    });
    // The messages as Nest words them, plus each refusal by field and constraint (`errors`), so a
    // client can say it in its reader's language without parsing English.
    this.exceptionFactory = (errors: ValidationError[]) =>
      new BadRequestException({
        message: this.flattenValidationErrors(errors),
        code: 'validation_failed',
        errors: fieldProblems(errors),
      });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && this.toValidate(metadata)) {
      if (value === undefined) return super.transform({}, metadata);
      if (!isJsonObject(value)) throw new BadRequestException(NOT_AN_OBJECT);
    }
    // `custom` parameters (@CurrentUser, a gateway's @ConnectedSocket) are the server's, not input.
    const malformed = metadata.type === 'custom' ? undefined : findLoneSurrogate(value);
    if (malformed !== undefined) {
      throw new BadRequestException([`${malformed} must be valid Unicode (an unpaired surrogate was found)`]);
    }
    return super.transform(value, metadata);
  }
}

let remembered = false;

/**
 * class-validator finds a class's rules by testing every class it knows for being an ancestor, on
 * every validation: 2.1% of the api's CPU under the home feed load, for the two fields of a query.
 * A class's rules are complete once it is defined (its decorators run with its definition, its
 * ancestors' before it), so each answer is kept, per class and lookup options.
 */
function rememberRuleLookups(): void {
  if (remembered) return;
  remembered = true;
  const storage = getMetadataStorage();
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const answers = new WeakMap<Parameters<typeof lookUp>[0], Map<string, ReturnType<typeof lookUp>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    let byOptions = answers.get(target);
    if (!byOptions) answers.set(target, (byOptions = new Map()));
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookUp(target, schema, always, strictGroups, groups)));
    return found;
  };
}

/** The bounds a constraint was declared with, under the names the web's messages use. */
const ARG_NAMES: Record<string, string[]> = {
  minLength: ['min'],
  maxLength: ['max'],
  min: ['min'],
  max: ['max'],
  arrayMinSize: ['min'],
  arrayMaxSize: ['max'],
  isIn: ['values'],
};

function constraintArgs(error: ValidationError, constraint: string): FieldProblem['args'] {
  const names = ARG_NAMES[constraint];
  const target = error.target?.constructor;
  if (!names || !target) return undefined;
  const declared = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === constraint)?.constraints;
  if (!declared) return undefined;
  const args: Record<string, string | number> = {};
  names.forEach((name, i) => {
    const value: unknown = declared[i];
    if (typeof value === 'number' || typeof value === 'string') args[name] = value;
    else if (Array.isArray(value)) args[name] = value.join(', ');
  });
  return args;
}

/**
 * Each broken constraint of each field, nested fields by path (`milestones.0.title`). A validator
 * can rename its constraint with `context: { constraint }` (two `Matches` mean different things).
 */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((name): FieldProblem => {
      const renamed = (error.contexts?.[name] as { constraint?: unknown } | undefined)?.constraint;
      const args = constraintArgs(error, name);
      return { field, constraint: typeof renamed === 'string' ? renamed : name, ...(args ? { args } : {}) };
    });
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}
