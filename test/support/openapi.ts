import type { TestApp } from './test-app.js';

/** The parts of the OpenAPI document the route tests look at. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, { tags: string[] }>>;
  components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
}

/** The api's OpenAPI document (`/api/docs-json`), after checking it documents every path of `expected`. */
export async function documentedRoutes(t: TestApp, expected: string[]): Promise<OpenApiDocument> {
  const docs = await t.http.get('/api/docs-json');
  expect(docs.status).toBe(200);
  expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(expected));
  return docs.body as OpenApiDocument;
}
