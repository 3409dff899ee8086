import type { components, paths } from './openapi';

/**
 * The api's shapes as its OpenAPI document describes them: `openapi.d.ts` is generated from the
 * served document (`npm run api:types`, #16), so these follow the server and are never copied by hand.
 */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
type Responses<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R } ? R : never;
type Json<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of `METHOD path`'s success answer (200 or 201), e.g. `Returns<'/api/me/sessions', 'get'>`. */
export type Returns<P extends keyof paths, M extends Method> =
  Json<Responses<P, M>[200 & keyof Responses<P, M>]> | Json<Responses<P, M>[201 & keyof Responses<P, M>]>;

type RequestBody<P extends keyof paths, M extends Method> = paths[P][M] extends { requestBody?: infer B }
  ? NonNullable<B>
  : never;

/** The JSON body `METHOD path` takes, as its DTO class documents it, e.g. `Body<'/api/me', 'patch'>`. */
export type Body<P extends keyof paths, M extends Method> = Json<RequestBody<P, M>>;
