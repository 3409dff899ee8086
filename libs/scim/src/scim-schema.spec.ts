import { ScimError } from './scim-errors.js';
import { applyPatch, readFilter, readPaging, readPatch, readUser, SCHEMA, versionOf } from './scim-schema.js';

const scimType = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof ScimError ? `${error.status} ${error.scimType ?? ''}`.trim() : String(error);
  }
  return 'no error';
};

describe('SCIM schema', () => {
  it('reads RFC 7643 §8.2’s full User: email from userName, name, title, enterprise department and manager', () => {
    const fields = readUser({
      schemas: [SCHEMA.user, SCHEMA.enterprise],
      externalId: '701984',
      userName: 'bjensen@example.com',
      name: { formatted: 'Ms. Barbara J Jensen, III', familyName: 'Jensen', givenName: 'Barbara' },
      displayName: 'Babs Jensen',
      emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
      title: 'Tour Guide',
      active: true,
      [SCHEMA.enterprise]: {
        department: 'Tour Operations',
        manager: { value: '26118915-6090-4610-87E4-49D8CA9F808D', displayName: 'John Smith' },
      },
    });
    expect(fields).toEqual({
      email: 'bjensen@example.com',
      displayName: 'Babs Jensen',
      externalId: '701984',
      active: true,
      title: 'Tour Guide',
      department: 'Tour Operations',
      managerId: '26118915-6090-4610-87e4-49d8ca9f808d',
    });
  });

  it('falls back to the primary email and the given and family names; absent fields are cleared', () => {
    expect(
      readUser({
        userName: 'bjensen',
        name: { givenName: 'Barbara', familyName: 'Jensen' },
        emails: [{ value: 'B@Example.com', primary: true }],
      }),
    ).toEqual({
      email: 'b@example.com',
      displayName: 'Barbara Jensen',
      externalId: null,
      active: true,
      title: '',
      department: '',
      managerId: null,
    });
  });

  it('refuses what it cannot keep with 400 invalidValue', () => {
    expect(scimType(() => readUser({ userName: 'no-email-here' }))).toBe('400 invalidValue');
    expect(scimType(() => readUser({}))).toBe('400 invalidValue');
    expect(scimType(() => readUser({ userName: 'a@b.c', active: 'maybe' }))).toBe('400 invalidValue');
    expect(scimType(() => readUser({ userName: 'a@b.c', title: 'x'.repeat(101) }))).toBe('400 invalidValue');
    expect(scimType(() => readUser({ userName: 'a@b.c', [SCHEMA.enterprise]: { manager: { value: 'boss' } } }))).toBe(
      '400 invalidValue',
    );
    expect(scimType(() => readUser([]))).toBe('400 invalidSyntax');
  });

  it('filters: one eq on a known attribute, names case-insensitive; anything else is 400 invalidFilter', () => {
    const attrs = { userName: 'email', externalId: 'externalId' } as const;
    expect(readFilter('userName eq "bjensen@example.com"', attrs)).toEqual({ by: 'email', value: 'bjensen@example.com' });
    expect(readFilter('USERNAME Eq "x@y.z"', attrs)).toEqual({ by: 'email', value: 'x@y.z' });
    expect(readFilter('externalId eq "701984"', attrs)).toEqual({ by: 'externalId', value: '701984' });
    expect(readFilter(undefined, attrs)).toBeNull();
    for (const bad of [
      'userName eq',
      'userName sw "b"',
      'title eq "x"',
      'userName eq "a" or userName eq "b"',
      'userName eq 12',
      '(((',
    ]) {
      expect(scimType(() => readFilter(bad, attrs))).toBe('400 invalidFilter');
    }
  });

  it('pages from a 1-based startIndex, clamping what is out of range', () => {
    expect(readPaging(undefined, undefined)).toEqual({ offset: 0, limit: 200, startIndex: 1 });
    expect(readPaging('11', '10')).toEqual({ offset: 10, limit: 10, startIndex: 11 });
    expect(readPaging('0', '-5')).toEqual({ offset: 0, limit: 0, startIndex: 1 });
    expect(readPaging('x', '100000')).toEqual({ offset: 0, limit: 200, startIndex: 1 });
  });

  it('patches like Okta and Entra ID send it: capitalised ops, "False", paths into the enterprise extension', () => {
    const user = {
      schemas: [SCHEMA.user],
      userName: 'a@b.c',
      active: true,
      title: 'Old',
      [SCHEMA.enterprise]: { department: 'Ops' },
    };
    const operations = readPatch({
      schemas: [SCHEMA.patch],
      Operations: [
        { op: 'Replace', path: 'active', value: 'False' },
        { op: 'Add', path: `${SCHEMA.enterprise}:manager`, value: { value: '26118915-6090-4610-87e4-49d8ca9f808d' } },
        { op: 'replace', value: { title: 'New', [`${SCHEMA.enterprise}:department`]: 'Sales' } },
        { op: 'remove', path: 'title' },
      ],
    });
    const patched = applyPatch(user, operations);
    expect(readUser(patched)).toMatchObject({
      active: false,
      title: '',
      department: 'Sales',
      managerId: '26118915-6090-4610-87e4-49d8ca9f808d',
    });
    // The input is left as it was.
    expect(user.active).toBe(true);
  });

  it('refuses malformed PATCH bodies with the matching scimType', () => {
    expect(scimType(() => readPatch({ Operations: [{ op: 'add', path: 'title', value: 'x' }] }))).toBe('400 invalidSyntax');
    expect(scimType(() => readPatch({ schemas: [SCHEMA.patch], Operations: [] }))).toBe('400 invalidSyntax');
    expect(scimType(() => readPatch({ schemas: [SCHEMA.patch], Operations: [{ op: 'move', path: 'title' }] }))).toBe(
      '400 invalidSyntax',
    );
    expect(scimType(() => readPatch({ schemas: [SCHEMA.patch], Operations: [{ op: 'remove' }] }))).toBe('400 noTarget');
  });

  it('versions change with the resource and ignore meta', () => {
    const a = { id: '1', title: 'A', meta: { created: 'x' } };
    expect(versionOf(a)).toBe(versionOf({ ...a, meta: { created: 'y' } }));
    expect(versionOf(a)).not.toBe(versionOf({ ...a, title: 'B' }));
    expect(versionOf(a)).toMatch(/^W\/".+"$/);
  });
});
