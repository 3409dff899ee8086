import { applyDecorators, Controller, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';

/**
 * A controller of the signed-in API: its OpenAPI tag, the bearer token its routes take (the global
 * guard denies by default), and its path. Controllers open to the public stay explicit.
 */
export const ApiController = (tag: string, path?: string) =>
  applyDecorators(ApiTags(tag), ApiBearerAuth(), path === undefined ? Controller() : Controller(path));

/** A route that answers 204 with no body, and says so in OpenAPI (the status and its document kept together). */
export const NoContent = (description?: string) => applyDecorators(HttpCode(204), ApiNoContentResponse({ description }));
