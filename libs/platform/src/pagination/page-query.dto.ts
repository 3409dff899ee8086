import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalInt } from '../validation/decorators.js';

export class PageQuery {
  @OptionalInt(1, 100, 20)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
