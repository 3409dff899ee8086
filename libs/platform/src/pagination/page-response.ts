import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * Documents a list answer as every list route sends it, `{ items, nextCursor }` ({@link Page}),
 * so the web app's generated types see the page and not a bare array.
 */
export function ApiPageResponse(item: Type, description = 'One page, `nextCursor` null on the last'): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          nextCursor: { type: 'string', nullable: true, description: 'Send it back as `cursor` for the next page' },
        },
      },
    }),
  );
}
