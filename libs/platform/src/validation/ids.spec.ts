import { plainToInstance } from 'class-transformer';
import { ArrayUnique, IsOptional, validateSync } from 'class-validator';
import { ErrorCode } from '../errors/domain-error.js';
import { IsIdArray, OptionalId, ParseIdPipe } from './decorators.js';
import { canonicalId } from './ids.js';

const ID = '0b5e2c8a-9f3d-4e1b-a7c6-5d4f3e2b1a09';

class Body {
  @OptionalId()
  one?: string;

  @IsOptional()
  @IsIdArray()
  @ArrayUnique()
  many?: string[];
}

const parse = (plain: object) => {
  const body = plainToInstance(Body, plain);
  return { body, errors: validateSync(body).map((e) => e.property) };
};

describe('ids: one canonical spelling', () => {
  it.each([ID, ID.toUpperCase(), '0B5e2C8a-9F3d-4E1b-A7c6-5D4f3E2b1A09'])('%s is the lower-case id', (spelling) => {
    expect(canonicalId(spelling)).toBe(ID);
    expect(new ParseIdPipe().transform(spelling, { type: 'param', data: 'id' })).toBe(ID);
    expect(parse({ one: spelling, many: [spelling] })).toEqual({ body: { one: ID, many: [ID] }, errors: [] });
  });

  it.each([`{${ID}}`, `urn:uuid:${ID}`, ID.replace(/-/g, ''), ` ${ID}`, `${ID}\n`, ID.slice(1), 'x', '', 42, [ID], {}])(
    '%p is no id',
    (spelling) => {
      expect(canonicalId(spelling)).toBeNull();
      expect(() => new ParseIdPipe().transform(spelling, { type: 'param', data: 'groupId' })).toThrow(
        expect.objectContaining({ code: ErrorCode.Invalid, message: 'groupId must be a UUID' }),
      );
      expect(parse({ one: spelling }).errors).toEqual(['one']);
      expect(parse({ many: [ID, spelling] }).errors).toEqual(['many']);
    },
  );

  it('refuses a missing route parameter', () => {
    expect(() => new ParseIdPipe().transform(undefined, { type: 'param', data: 'id' })).toThrow('id must be a UUID');
  });

  it('sees two spellings of one id in a list as the duplicate they are', () => {
    expect(parse({ many: [ID, ID.toUpperCase()] }).errors).toEqual(['many']);
  });
});
