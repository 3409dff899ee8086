import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** The parts of an operation the documentation check reads. */
interface Operation {
  summary?: string;
  description?: string;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

export type OpenApiDocument = OpenAPI3 & { paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
/** Answers without a body to type: accepted for later, no content, a redirect. */
const BODILESS = /^(202|204|30[1-8])$/;

/** What `npm run api:types` writes to apps/web/src/api/openapi.d.ts for this document. */
export async function webApiTypes(document: OpenApiDocument): Promise<string> {
  // arrayLength: a documented [start, end) pair (minItems = maxItems = 2) types as a tuple.
  const types = astToString(await openapiTS(document, { silent: true, arrayLength: true }));
  return (
    "// Generated from the api's OpenAPI document (/api/docs-json) by `npm run api:types`: do not edit.\n" +
    '// test/api-types.e2e-spec.ts fails when it no longer matches what the api serves.\n\n' +
    types
  );
}

/**
 * `METHOD /path: problem` for each operation a typed client cannot rely on: no summary or
 * description, or no success answer it could type: a 2xx with a schema, or a declared 202, 204
 * or redirect (no body to type).
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
          BODILESS.test(status),
      );
      if (!typed) problems.push(`${name}: no 2xx response with a schema (nor a declared 202, 204 or redirect)`);
    }
  }
  return problems;
}

interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  oneOf?: Schema[];
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

function resolved(document: OpenApiDocument, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return resolved(document, (document.components?.schemas?.[name] ?? {}) as Schema);
}

/** Where `value` strays from `schema`: a promised field missing, an undocumented one present, a null not allowed. */
function mismatches(document: OpenApiDocument, raw: Schema, value: unknown, at: string): string[] {
  const schema = resolved(document, raw);
  if (value === null) return schema.nullable ? [] : [`${at} is null`];
  if (schema.oneOf)
    return schema.oneOf.some((branch) => !mismatches(document, branch, value, at).length) ? [] : [`${at} matches no oneOf`];
  if (schema.items) {
    if (!Array.isArray(value)) return [`${at} is not an array`];
    return value.flatMap((item, i) => mismatches(document, schema.items!, item, `${at}[${i}]`));
  }
  if (!schema.properties) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return [`${at} is not an object`];
  const fields = value as Record<string, unknown>;
  return [
    ...(schema.required ?? []).filter((key) => !(key in fields)).map((key) => `${at}.${key} is documented but missing`),
    ...Object.keys(fields)
      .filter((key) => !(key in schema.properties!))
      .map((key) => `${at}.${key} is sent but not documented`),
    ...Object.entries(fields)
      .filter(([key]) => key in schema.properties!)
      .flatMap(([key, field]) => mismatches(document, schema.properties![key], field, `${at}.${key}`)),
  ];
}

/**
 * Checks a real answer against the schema the document gives its operation and status (the server
 * is the truth: a generated type that differs from it would mislead the web app). `route` is
 * `METHOD /api/path/{param}` as in the document.
 */
export function expectDocumentedAnswer(
  document: OpenApiDocument,
  route: string,
  response: { status: number; body: unknown },
): void {
  const [method, path] = route.split(' ');
  const answer = document.paths[path]?.[method.toLowerCase()]?.responses?.[String(response.status)];
  const schema = answer?.content?.['application/json']?.schema as Schema | undefined;
  expect({
    route,
    status: response.status,
    documented: !!schema,
    problems: schema ? mismatches(document, schema, response.body, '$') : [],
  }).toEqual({
    route,
    status: response.status,
    documented: true,
    problems: [],
  });
}
