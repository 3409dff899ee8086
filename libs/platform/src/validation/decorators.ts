import { applyDecorators, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** PostgreSQL text cannot hold NUL; reject it as bad input instead of failing in the driver. */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
export const NO_NUL = /^[^\u0000]*$/;

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Required, trimmed, non-empty plain text with a maximum length. */
export function TrimmedText(max: number, description?: string) {
  return applyDecorators(
    ApiProperty({ maxLength: max, description }),
    trim,
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
    Matches(NO_NUL, { message: '$property must not contain NUL characters' }),
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
    Matches(NO_NUL, { message: '$property must not contain NUL characters' }),
  );
}

/** A route parameter that must be a UUID (400 otherwise, before any query runs). */
export const UuidParam = (name: string) => Param(name, new ParseUUIDPipe({ errorHttpStatusCode: 400 }));

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
