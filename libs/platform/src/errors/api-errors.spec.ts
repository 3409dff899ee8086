import 'reflect-metadata';
import { ApiErrors } from './api-errors.js';

/** Where @nestjs/swagger keeps a route's responses (its `DECORATORS.API_RESPONSE`, not exported). */
const API_RESPONSE = 'swagger/apiResponse';

class Routes {
  @ApiErrors({ notFound: 'No such person', conflict: true, rateLimited: 'Too many' })
  route(): void {}
}

describe('ApiErrors', () => {
  it("documents each kind at the exception filter's status, with its words or none", () => {
    const responses = Reflect.getMetadata(API_RESPONSE, Routes.prototype.route) as Record<string, { description: string }>;
    expect(Object.keys(responses).sort()).toEqual(['404', '409', '429']);
    expect(responses['404'].description).toBe('No such person');
    expect(responses['409'].description).toBe('');
    expect(responses['429'].description).toBe('Too many');
  });
});
