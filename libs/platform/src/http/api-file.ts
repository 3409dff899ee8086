import { ApiOkResponse } from '@nestjs/swagger';

/**
 * OpenAPI for a 200 whose body is a file rather than JSON (a CSV report, an archive, an upload):
 * its media types, each a string (`format: binary` unless it is text), so a generated client knows
 * not to parse it as JSON.
 */
export function ApiFileResponse(mediaTypes: string[], description: string) {
  const content = Object.fromEntries(
    mediaTypes.map((type) => [
      type,
      { schema: type.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' } },
    ]),
  );
  return ApiOkResponse({ description, content });
}
