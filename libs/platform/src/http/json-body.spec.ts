import { exceedsJsonDepth, jsonBodyParser } from './json-body.js';

describe('exceedsJsonDepth', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it.each([
    ['a flat object', '{"a":1}', 1, false],
    ['exactly at the limit', nested(32), 32, false],
    ['one level past the limit', nested(33), 32, true],
    ['objects and arrays mixed', '{"a":[{"b":[1]}]}', 3, true],
    ['objects and arrays mixed, within', '{"a":[{"b":[1]}]}', 4, false],
    ['brackets inside strings do not count', `{"a":"${'['.repeat(100)}"}`, 2, false],
    ['an escaped quote does not end the string', `{"a":"\\"${'['.repeat(100)}"}`, 2, false],
    ['an escaped backslash ends before the quote', `{"a":"\\\\","b":${nested(5)}}`, 3, true],
    ['siblings do not add up', `[${Array(100).fill('[1]').join(',')}]`, 2, false],
    ['100,000 unclosed brackets stop early', '['.repeat(100_000), 32, true],
  ])('%s', (_name, json, limit, expected) => {
    expect(exceedsJsonDepth(json, limit)).toBe(expected);
    expect(exceedsJsonDepth(Buffer.from(json), limit)).toBe(expected);
  });

  it('reads multi-byte UTF-8 without miscounting', () => {
    const json = JSON.stringify({ a: '漢字 😀 مرحبا [[[', b: [[1]] });
    expect(exceedsJsonDepth(Buffer.from(json), 3)).toBe(false);
    expect(exceedsJsonDepth(Buffer.from(json), 2)).toBe(true);
  });
});

describe('jsonBodyParser', () => {
  const parse = (text: string | Buffer) =>
    new Promise<{ error: Error | null; body?: unknown }>((resolve) => {
      const parser = jsonBodyParser((_req, body, done) => {
        try {
          done(null, JSON.parse(body));
        } catch (error) {
          done(error as Error);
        }
      }, 4);
      parser({}, Buffer.isBuffer(text) ? text : Buffer.from(text), (error, body) => resolve({ error, body }));
    });

  it('parses an object', async () => {
    expect(await parse('{"a":[1]}')).toEqual({ error: null, body: { a: [1] } });
  });

  it.each(['null', '[]', '[{"a":1}]', '"text"', '42', 'true'])('refuses %s as a body', async (text) => {
    const { error } = await parse(text);
    expect(error?.message).toBe('The request body must be a JSON object');
  });

  it('refuses a body nested too deep before parsing it', async () => {
    const { error } = await parse('{"a":[[[[1]]]]}');
    expect(error?.message).toMatch(/nested more than 4 levels/);
  });

  it('refuses bytes that are not UTF-8 instead of replacing them', async () => {
    const { error } = await parse(Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]));
    expect(error?.message).toBe('The JSON body is not valid UTF-8');
  });

  it('passes the parser’s own errors on', async () => {
    const { error } = await parse('{"a":');
    expect(error).toBeInstanceOf(SyntaxError);
  });
});
