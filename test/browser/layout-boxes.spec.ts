import { compareLayouts, type Layout, type Region } from './layout-boxes.js';

/** The layout comparison behind the visual smoke test (visual.e2e-spec.ts): what fails it and what does not. */

const at = (x: number, y: number, width: number, height: number, inBanner = false): Region => ({ x, y, width, height, inBanner });

const baseline: Layout = {
  viewport: { width: 1280, height: 900 },
  scrollWidth: 1280,
  regions: {
    banner: at(0, 0, 1280, 61),
    'navigation "Main"': at(200, 8, 700, 44, true),
    main: at(100, 61, 1080, 2400),
    'h1 "Groups"': at(120, 85, 600, 34),
    'main > section "Your groups"': at(120, 140, 1040, 400),
    'main > section "Suggested groups"': at(120, 2000, 1040, 400),
  },
};

/** The baseline with some regions replaced (undefined: removed) and the rest kept. */
function changed(regions: Record<string, Region | undefined>, rest: Partial<Layout> = {}): Layout {
  const merged = { ...baseline.regions, ...regions };
  const kept = Object.fromEntries(Object.entries(merged).filter((e): e is [string, Region] => e[1] !== undefined));
  return { ...baseline, ...rest, regions: kept };
}

describe('compareLayouts', () => {
  it('passes the same layout, and one within the tolerance (a few pixels, a few percent)', () => {
    expect(compareLayouts(baseline, baseline)).toEqual([]);
    const drifted = changed({
      'h1 "Groups"': at(124, 79, 620, 38),
      'main > section "Your groups"': at(120, 147, 1040, 436),
    });
    expect(compareLayouts(baseline, drifted)).toEqual([]);
  });

  it('names a region that is gone, with where it was expected', () => {
    expect(compareLayouts(baseline, changed({ 'main > section "Your groups"': undefined }))).toEqual([
      'main > section "Your groups": missing (expected at (120, 140) 1040×400)',
    ]);
  });

  it('names a region that was not there before', () => {
    expect(compareLayouts(baseline, changed({ 'complementary "Suggestions"': at(900, 80, 300, 500) }))).toEqual([
      'complementary "Suggestions": not in the baseline, now at (900, 80) 300×500',
    ]);
  });

  it('names a moved region, expected against actual', () => {
    expect(compareLayouts(baseline, changed({ 'h1 "Groups"': at(120, 95, 600, 34) }))).toEqual([
      'h1 "Groups": moved: expected (120, 85) 600×34, actual (120, 95) 600×34',
    ]);
  });

  it('lets a region far down the page move with the lines above it (2% of its offset), not further', () => {
    expect(compareLayouts(baseline, changed({ 'main > section "Suggested groups"': at(120, 2040, 1040, 400) }))).toEqual([]);
    expect(compareLayouts(baseline, changed({ 'main > section "Suggested groups"': at(120, 2060, 1040, 400) }))).toEqual([
      'main > section "Suggested groups": moved: expected (120, 2000) 1040×400, actual (120, 2060) 1040×400',
    ]);
  });

  it('names a resized region: more than 10% of a large box, more than 8 px of a small one', () => {
    expect(compareLayouts(baseline, changed({ 'main > section "Your groups"': at(120, 140, 900, 400) }))).toEqual([
      'main > section "Your groups": resized: expected (120, 140) 1040×400, actual (120, 140) 900×400',
    ]);
    // A title wrapping onto a second line.
    expect(compareLayouts(baseline, changed({ 'h1 "Groups"': at(120, 85, 600, 68) }))).toEqual([
      'h1 "Groups": resized: expected (120, 85) 600×34, actual (120, 85) 600×68',
    ]);
  });

  it('fails a page that scrolls sideways, even when the baseline did too', () => {
    const wide = changed({}, { scrollWidth: 1400 });
    expect(compareLayouts(wide, wide)).toEqual(['the page scrolls sideways: 1400 px wide in a 1280 px viewport']);
  });

  it('fails a region lying under the header, but not what the header holds or what merely touches it', () => {
    const under = changed({ 'main > section "Your groups"': at(120, 40, 1040, 400) });
    expect(compareLayouts(under, under)).toEqual([
      'main > section "Your groups" at (120, 40) 1040×400 lies under the header at (0, 0) 1280×61',
    ]);
    const touching = changed({ 'main > section "Your groups"': at(120, 60, 1040, 400) });
    expect(compareLayouts(touching, touching)).toEqual([]);
  });
});
