import { BadRequestException } from '@nestjs/common';
import { IsEmail, IsInt, MinLength } from 'class-validator';
import { OptionalDateTime, TrimmedText } from './decorators.js';
import { RucheValidationPipe } from './validation.pipe.js';

class Register {
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @MinLength(10, { message: 'password must be at least 10 characters' })
  password: string;

  @TrimmedText(5)
  name: string;
}

class Deadline {
  @OptionalDateTime('When it closes')
  closesAt?: string | null;
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

  it('takes an OptionalDateTime as ISO-8601 (T before the time), left out or null, and names the field when it is not', async () => {
    const pipe = new RucheValidationPipe();
    const check = (closesAt: unknown) =>
      pipe.transform({ closesAt }, { type: 'body', metatype: Deadline }).then(
        () => 'ok',
        (error: BadRequestException) => error.getResponse(),
      );
    for (const accepted of ['2026-12-24T18:00:00Z', '2026-12-24T18:00:00.000+01:00', undefined, null]) {
      expect({ accepted, answer: await check(accepted) }).toEqual({ accepted, answer: 'ok' });
    }
    for (const refused of ['2026-12-24 18:00:00', 'next friday', '2026-13-01T00:00:00Z', 12]) {
      expect({ refused, answer: await check(refused) }).toMatchObject({
        refused,
        answer: { message: ['closesAt must be an ISO-8601 date-time'], errors: [{ field: 'closesAt', constraint: 'isIso8601' }] },
      });
    }
  });

  it('applies a class’s own and inherited rules on every call, the lookups remembered, and a class defined later its own', async () => {
    class Named {
      @MinLength(3, { message: 'name is too short' })
      name: string;
    }
    class Counted extends Named {
      @IsInt({ message: 'count must be an integer' })
      count: number;
    }
    const pipe = new RucheValidationPipe();
    const refusal = (value: object, metatype: new () => object) =>
      pipe.transform(value, { type: 'body', metatype }).then(
        () => null,
        (error: BadRequestException) => (error.getResponse() as { message: string[] }).message,
      );
    for (let i = 0; i < 3; i++) {
      expect(await refusal({ name: 'x', count: 1.5 }, Counted)).toEqual(
        expect.arrayContaining(['name is too short', 'count must be an integer']),
      );
      expect(await refusal({ name: 'xyz', count: 2 }, Counted)).toBeNull();
      expect(await refusal({ name: 'x' }, Named)).toEqual(['name is too short']);
    }
    class Later extends Named {
      @IsInt({ message: 'age must be an integer' })
      age: number;
    }
    expect(await refusal({ name: 'x', age: 'old' }, Later)).toEqual(
      expect.arrayContaining(['name is too short', 'age must be an integer']),
    );
    expect(await refusal({ name: 'xyz', count: 'many' }, Counted)).toEqual(['count must be an integer']);
  });
});
