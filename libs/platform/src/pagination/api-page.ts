import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

function itemsResponse(item: Type<unknown>, description: string, paged: boolean) {
  const items = { type: 'array', items: { $ref: getSchemaPath(item) } };
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: paged
        ? {
            type: 'object',
            required: ['items', 'nextCursor'],
            properties: {
              items,
              nextCursor: { type: 'string', nullable: true, description: 'Send it back as `cursor` for the next page' },
            },
          }
        : { type: 'object', required: ['items'], properties: { items } },
    }),
  );
}

/**
 * OpenAPI for a 200 answering a {@link Page} of `item`: `{ items: item[], nextCursor }`, so the
 * generated client types see the envelope rather than a bare array.
 */
export const ApiPageResponse = (
  item: Type<unknown>,
  description = 'One page; pass `nextCursor` as `cursor` for the next (null: no more)',
) => itemsResponse(item, description, true);

/** OpenAPI for a 200 answering a whole, unpaged list as `{ items: item[] }`. */
export const ApiItemsResponse = (item: Type<unknown>, description = 'The whole list') => itemsResponse(item, description, false);
