import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalInt } from '../validation/decorators.js';

/** A query's `cursor`: the `nextCursor` of the page before, sent back as it came (every paged list's words). */
export function PageCursor(maxLength = 500, description = 'Opaque cursor from a previous page') {
  return applyDecorators(ApiPropertyOptional({ description }), IsOptional(), IsString(), MaxLength(maxLength));
}

export class PageQuery {
  @OptionalInt(1, 100, 20)
  limit: number = 20;

  @PageCursor()
  cursor?: string;
}
