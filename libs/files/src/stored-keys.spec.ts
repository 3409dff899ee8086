import { storedKeys, variantKey } from './file-storage.js';

describe('stored keys', () => {
  it('stores the original under its key and the renditions beside it', () => {
    expect(variantKey('k', 'original')).toBe('k');
    expect(variantKey('k', 'thumbnail')).toBe('k.thumb');
    expect(variantKey('k', 'web')).toBe('k.web');
  });

  it('lists every key of a file, its renditions only when it has them', () => {
    expect(storedKeys('k', true)).toEqual(['k', 'k.thumb', 'k.web']);
    expect(storedKeys('k', false)).toEqual(['k']);
  });
});
