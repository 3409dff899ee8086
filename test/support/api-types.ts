import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** The parts of an operation the documentation check reads. */
interface Operation {
  summary?: string;
  description?: string;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

export type OpenApiDocument = OpenAPI3 & { paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** What `npm run api:types` writes to apps/web/src/api/openapi.d.ts for this document. */
export async function webApiTypes(document: OpenApiDocument): Promise<string> {
  const types = astToString(await openapiTS(document, { silent: true }));
  return (
    "// Generated from the api's OpenAPI document (/api/docs-json) by `npm run api:types`: do not edit.\n" +
    '// test/api-types.e2e-spec.ts fails when it no longer matches what the api serves.\n\n' +
    types
  );
}

/**
 * `METHOD /path: problem` for each operation a typed client cannot rely on: no summary or
 * description, or no success answer it could type: a 2xx with a schema, or a declared 204 or
 * redirect (no body to type).
 */
export function undocumentedOperations(document: OpenApiDocument): string[] {
  const problems: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const name = `${method.toUpperCase()} ${path}`;
      if (!operation.summary?.trim() && !operation.description?.trim()) problems.push(`${name}: no summary or description`);
      const answers = Object.entries(operation.responses ?? {});
      const typed = answers.some(
        ([status, response]) =>
          (/^2\d\d$/.test(status) && Object.values(response.content ?? {}).some((media) => media.schema)) ||
          status === '204' ||
          /^30[1-8]$/.test(status),
      );
      if (!typed) problems.push(`${name}: no 2xx response with a schema (nor a declared 204 or redirect)`);
    }
  }
  return problems;
}
