import type { HttpAdapterHost } from '@nestjs/core';

/** The part of Fastify's instance that registers body parsers. */
interface TextParsingServer {
  hasContentTypeParser(type: string): boolean;
  addContentTypeParser(
    type: string,
    options: { parseAs: 'string'; bodyLimit: number },
    parse: (request: unknown, body: string, done: (error: Error | null, value?: unknown) => void) => void,
  ): void;
}

/**
 * Reads request bodies of one content type as text, up to `bodyLimit` bytes, and hands the handler
 * what `parse` makes of it: HTML form posts (a one-click unsubscribe), CSV uploads. Fastify allows
 * one parser per type, so the first module to ask for a type decides (a larger limit needed by a
 * route that can come first, such as SAML's form posts, is set in bootstrap).
 */
export function addTextBodyParser(
  adapter: HttpAdapterHost,
  type: string,
  bodyLimit: number,
  parse: (body: string) => unknown = (body) => body,
): void {
  const server = adapter.httpAdapter?.getInstance() as TextParsingServer | undefined;
  if (!server || server.hasContentTypeParser(type)) return;
  server.addContentTypeParser(type, { parseAs: 'string', bodyLimit }, (_request, body, done) => {
    try {
      done(null, parse(body));
    } catch (error) {
      done(error as Error);
    }
  });
}

/** An HTML form post's fields. */
export const formFields = (body: string): Record<string, string> => Object.fromEntries(new URLSearchParams(body));
