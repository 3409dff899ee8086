import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export interface WriteOperation {
  method: 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI template: `/api/posts/{id}`. */
  path: string;
  /** Whether the handler takes a body (a DTO): what the body tests and the fuzzer must cover. */
  hasBody: boolean;
}

/** Every write operation the app registers, read from its own OpenAPI document. */
export function writeOperations(app: NestFastifyApplication): WriteOperation[] {
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
  return Object.entries(document.paths).flatMap(([path, item]) =>
    (['post', 'put', 'patch', 'delete'] as const)
      .filter((method) => item[method])
      .map((method) => ({ method, path, hasBody: item[method]?.requestBody !== undefined })),
  );
}
