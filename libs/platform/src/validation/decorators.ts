import {
  applyDecorators,
  type ArgumentMetadata,
  BadRequestException,
  Injectable,
  Param,
  ParseEnumPipe,
  type PipeTransform,
} from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  buildMessage,
  IsArray,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { invalid } from '../errors/domain-error.js';
import { hasLoneSurrogate, isInvisibleText } from './text.js';
import { canonicalId, ID_PATTERN } from './ids.js';

/** PostgreSQL text cannot hold NUL; reject it as bad input instead of failing in the driver. */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
export const NO_NUL = /^[^\u0000]*$/;

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const trimEach = Transform(({ value }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value,
);

/**
 * Text with something to read in it (see `isInvisibleText`). The empty string passes: whether a
 * field may be empty is `IsNotEmpty`'s call (an optional text field is cleared with "").
 */
export function VisibleText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'visibleText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || value === '' || !isInvisibleText(value),
        defaultMessage: buildMessage((each) => `${each}$property must contain visible characters`, options),
      },
    },
    options,
  );
}

/** Text that is valid Unicode: an unpaired surrogate is refused, never silently replaced. */
export function WellFormedText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'wellFormedText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !hasLoneSurrogate(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be valid Unicode (an unpaired surrogate was found)`,
          options,
        ),
      },
    },
    options,
  );
}

/** What every stored text is checked for, whatever its length: no NUL, something visible, valid Unicode. */
const storableText = (each = false) => [
  Matches(NO_NUL, { each, message: '$property must not contain NUL characters', context: { constraint: 'noNul' } }),
  VisibleText({ each }),
  WellFormedText({ each }),
];

/** Required, trimmed, non-empty plain text with a maximum length. */
export function TrimmedText(max: number, description?: string) {
  return applyDecorators(
    ApiProperty({ maxLength: max, description }),
    trim,
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
    ...storableText(),
  );
}

/** Optional, trimmed plain text with a maximum length (empty string allowed: clears the field). */
export function OptionalTrimmedText(max: number, description?: string) {
  return applyDecorators(
    ApiPropertyOptional({ maxLength: max, description }),
    IsOptional(),
    trim,
    IsString(),
    MaxLength(max),
    ...storableText(),
  );
}

/**
 * A list of short texts (topics, skills, blocked terms): each trimmed, non-empty, at most
 * `maxLength` long and storable; the list bounded. OpenAPI and optionality stay with the field.
 */
export function TrimmedTextList(maxItems: number, maxLength: number, minItems = 0) {
  return applyDecorators(
    trimEach,
    IsArray(),
    ...(minItems > 0 ? [ArrayMinSize(minItems)] : []),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(maxLength, { each: true }),
    ...storableText(true),
  );
}

/**
 * A field that may be left out but not sent as `null`: for updates where absent means "keep",
 * and `null` has no meaning of its own (unlike `IsOptional`, which lets `null` through to the
 * service).
 */
export const Omittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Route parameter pipe: the canonical id, or a 400 before any query runs. */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    const id = canonicalId(value);
    if (id === null) throw invalid(`${metadata.data ?? 'id'} must be a UUID`);
    return id;
  }
}

/** A route parameter that must be an id; the handler receives it lower-cased. */
export const UuidParam = (name: string) => Param(name, ParseIdPipe);

/** A route parameter that must be one of `values` (a reaction kind, a mutable type), or a 400 naming them. */
export const EnumParam = (name: string, values: readonly string[]) =>
  Param(
    name,
    new ParseEnumPipe(Object.fromEntries(values.map((v) => [v, v])), {
      exceptionFactory: () => new BadRequestException(`${name} must be one of ${values.join(', ')}`),
    }),
  );

/** Lower-cases what looks like an id (strings, or each string of an array); validation judges the rest. */
const canonicalIds = Transform(({ value }: { value: unknown }) => {
  const canonical = (item: unknown) => canonicalId(item) ?? item;
  return Array.isArray(value) ? value.map(canonical) : canonical(value);
});

/** A DTO field (body or query) holding one id: validated like {@link UuidParam} and lower-cased. */
export function IsId() {
  return applyDecorators(
    canonicalIds,
    Matches(ID_PATTERN, { message: '$property must be a UUID', context: { constraint: 'isUuid' } }),
  );
}

/** An optional id in a body or query (a group, a person, a target), documented as a UUID; `nullable`: null clears it. */
export function OptionalId(description?: string, { nullable = false } = {}) {
  return applyDecorators(
    ApiPropertyOptional({ format: 'uuid', ...(nullable ? { nullable: true, type: String } : {}), description }),
    IsOptional(),
    IsId(),
  );
}

/**
 * A DTO field holding a list of ids, each validated and lower-cased. Canonical before the array
 * validators run, so `@ArrayUnique()` sees two spellings of one id as the duplicate they are.
 */
export function IsIdArray() {
  return applyDecorators(
    canonicalIds,
    IsArray(),
    Matches(ID_PATTERN, { each: true, message: 'each value in $property must be a UUID', context: { constraint: 'isUuid' } }),
  );
}

/**
 * An optional integer query parameter within [min, max] (`limit`, `weeks`, ...). The default is the
 * class field's initialiser; `fallback` only documents it.
 */
export function OptionalInt(min: number, max: number, fallback: number, description?: string) {
  return applyDecorators(
    ApiPropertyOptional({ minimum: min, maximum: max, default: fallback, description }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(min),
    Max(max),
  );
}

/**
 * An optional instant in a body (a deadline, a publication time, a ban's end): ISO-8601, a `T`
 * before the time (not a space), refused with a message naming the field. `nullable`: documented as taking
 * null (which clears it); IsOptional lets null through either way, the service decides.
 */
export function OptionalDateTime(description: string, { nullable = false } = {}) {
  return applyDecorators(
    ApiPropertyOptional({ format: 'date-time', ...(nullable ? { nullable: true, type: String } : {}), description }),
    IsOptional(),
    IsISO8601(
      { strict: true, strictSeparator: true },
      { message: ({ property }) => `${property} must be an ISO-8601 date-time` },
    ),
  );
}

/** OpenAPI for a view's `editedAt` (the same words on posts, comments, questions and answers). */
export const EditedAtProperty = () =>
  ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Last edit by its author ("edited"), null if never',
  });
