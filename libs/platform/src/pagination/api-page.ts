import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** One view class, or several when an item is one of them (`oneOf`). */
type ItemType = Type<unknown> | Type<unknown>[];

function itemsResponse(item: ItemType, description: string, paged: boolean) {
  const kinds = Array.isArray(item) ? item : [item];
  const refs = kinds.map((kind) => ({ $ref: getSchemaPath(kind) }));
  const items = { type: 'array', items: refs.length === 1 ? refs[0] : { oneOf: refs } };
  return applyDecorators(
    ApiExtraModels(...kinds),
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
  item: ItemType,
  description = 'One page; pass `nextCursor` as `cursor` for the next (null: no more)',
) => itemsResponse(item, description, true);

/** OpenAPI for a 200 answering a whole, unpaged list as `{ items: item[] }`. */
export const ApiItemsResponse = (item: ItemType, description = 'The whole list') => itemsResponse(item, description, false);
