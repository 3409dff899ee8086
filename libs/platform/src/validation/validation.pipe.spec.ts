import { BadRequestException } from '@nestjs/common';
import { IsEmail, MinLength } from 'class-validator';
import { TrimmedText } from './decorators.js';
import { RucheValidationPipe } from './validation.pipe.js';

class Register {
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @MinLength(10, { message: 'password must be at least 10 characters' })
  password: string;

  @TrimmedText(5)
  name: string;
}

describe('RucheValidationPipe', () => {
  it('names each refused field, its constraint and its bounds, beside the English messages', async () => {
    const pipe = new RucheValidationPipe();
    const refused = await pipe
      .transform({ email: 'nope', password: 'short', name: 'too long' }, { type: 'body', metatype: Register })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BadRequestException);
    const body = (refused as BadRequestException).getResponse();
    expect(body).toMatchObject({
      code: 'validation_failed',
      message: expect.arrayContaining(['password must be at least 10 characters']),
      errors: expect.arrayContaining([
        { field: 'email', constraint: 'isEmail' },
        { field: 'password', constraint: 'minLength', args: { min: 10 } },
        { field: 'name', constraint: 'maxLength', args: { max: 5 } },
      ]),
    });
  });
});
