import { applyDecorators, Controller, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/guards.js';
import { Permission } from '../auth/permissions.js';
import { ApiItemsResponse } from '../pagination/api-page.js';
import { RevisionView } from '../validation/views.js';

/**
 * A controller of the signed-in API: its OpenAPI tag, the bearer token its routes take (the global
 * guard denies by default), and its path. Controllers open to the public stay explicit.
 */
export const ApiController = (tag: string, path?: string) =>
  applyDecorators(ApiTags(tag), ApiBearerAuth(), path === undefined ? Controller() : Controller(path));

/** A route that answers 204 with no body, and says so in OpenAPI (the status and its document kept together). */
export const NoContent = (description?: string) => applyDecorators(HttpCode(204), ApiNoContentResponse({ description }));

/**
 * An item's edit history (a comment's, question's or answer's earlier texts): moderators
 * only, answered whole as `{ items: RevisionView[] }`, newest first.
 */
export const ModeratorEditHistory = () =>
  applyDecorators(RequirePermission(Permission.ModerateContent), ApiItemsResponse(RevisionView, 'Previous texts, newest first'));
