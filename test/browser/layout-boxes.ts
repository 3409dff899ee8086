import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Layout smoke checks (#16): the boxes of a page's landmarks and key regions, found by role the
 * way assistive technology sees them, compared with a committed baseline within a tolerance.
 * Boxes rather than pixels, so a new Chromium or font build (anti-aliasing, a pixel of line
 * height) does not fail CI, while a region that disappears, moves or changes size does.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Region extends Box {
  /** Inside the page's header (the banner landmark), which may therefore overlap it. */
  inBanner: boolean;
}

export interface Layout {
  viewport: { width: number; height: number };
  /** The document's width: more than the viewport's means the page scrolls sideways. */
  scrollWidth: number;
  /** Keyed by role and accessible name, e.g. `navigation "Main"`, `main > section "Ideas"`. */
  regions: Record<string, Region>;
}

export interface Tolerance {
  /** Pixels a region's corner may move. */
  position: number;
  /**
   * Share of its distance from the page's top left it may move by too: a region far down a long
   * page moves with every line above it, and a new font build changes a few of them by a pixel.
   */
  drift: number;
  /** Share of a region's size it may grow or shrink by (never less than `position` pixels). */
  size: number;
}

export const TOLERANCE: Tolerance = { position: 8, drift: 0.02, size: 0.1 };

const describeBox = (b: Box) => `(${b.x}, ${b.y}) ${b.width}×${b.height}`;

function intersects(a: Box, b: Box): boolean {
  // One shared pixel row is a border touching, not an overlap.
  return a.x + 1 < b.x + b.width && b.x + 1 < a.x + a.width && a.y + 1 < b.y + b.height && b.y + 1 < a.y + a.height;
}

/**
 * What differs between the baseline and the page as it is now, one readable line each; empty
 * when the layout holds. Beside the baseline, the page itself must not scroll sideways and
 * nothing outside the header may lie under it.
 */
export function compareLayouts(expected: Layout, actual: Layout, tolerance: Tolerance = TOLERANCE): string[] {
  const problems: string[] = [];
  for (const [name, want] of Object.entries(expected.regions)) {
    const got = actual.regions[name];
    if (!got) {
      problems.push(`${name}: missing (expected at ${describeBox(want)})`);
      continue;
    }
    const reach = (offset: number) => tolerance.position + offset * tolerance.drift;
    const moved = Math.abs(got.x - want.x) > reach(want.x) || Math.abs(got.y - want.y) > reach(want.y);
    const slack = (size: number) => Math.max(size * tolerance.size, tolerance.position);
    const resized =
      Math.abs(got.width - want.width) > slack(want.width) || Math.abs(got.height - want.height) > slack(want.height);
    if (moved || resized) {
      const what = moved && resized ? 'moved and resized' : moved ? 'moved' : 'resized';
      problems.push(`${name}: ${what}: expected ${describeBox(want)}, actual ${describeBox(got)}`);
    }
  }
  for (const [name, got] of Object.entries(actual.regions)) {
    if (!expected.regions[name]) problems.push(`${name}: not in the baseline, now at ${describeBox(got)}`);
  }
  problems.push(...layoutFaults(actual));
  return problems;
}

/** What is wrong with a layout whatever the baseline: sideways scrolling, regions under the header. */
export function layoutFaults(layout: Layout): string[] {
  const faults: string[] = [];
  if (layout.scrollWidth > layout.viewport.width) {
    faults.push(`the page scrolls sideways: ${layout.scrollWidth} px wide in a ${layout.viewport.width} px viewport`);
  }
  const banner = layout.regions.banner;
  if (banner) {
    for (const [name, region] of Object.entries(layout.regions)) {
      if (name !== 'banner' && !region.inBanner && intersects(region, banner)) {
        faults.push(`${name} at ${describeBox(region)} lies under the header at ${describeBox(banner)}`);
      }
    }
  }
  return faults;
}

/** Reads the layout boxes of the page as it is (scrolled to the top), in document coordinates. */
export async function collectLayout(page: Page): Promise<Layout> {
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  return page.evaluate(() => {
    // The root tsconfig has no DOM types: just what is used of them.
    interface El {
      tagName: string;
      parentElement: El | null;
      children: ArrayLike<El>;
      textContent: string | null;
      getAttribute(name: string): string | null;
      getBoundingClientRect(): { x: number; y: number; width: number; height: number };
      closest(selector: string): El | null;
      matches(selector: string): boolean;
      contains(other: El): boolean;
      querySelectorAll(selector: string): ArrayLike<El>;
    }
    const g = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number; clientWidth: number; clientHeight: number } } & Pick<
        El,
        'querySelectorAll'
      > & {
          getElementById(id: string): El | null;
        };
      scrollX: number;
      scrollY: number;
      getComputedStyle(el: El): { visibility: string; display: string };
    };
    const doc = g.document;
    const all = (selector: string, root: Pick<El, 'querySelectorAll'> = doc) => Array.from(root.querySelectorAll(selector));
    const visible = (el: El) => {
      const r = el.getBoundingClientRect();
      // Visually hidden text (1×1, clipped) is for screen readers, not part of the layout.
      return r.width > 1 && r.height > 1 && g.getComputedStyle(el).visibility !== 'hidden';
    };
    const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const nameOf = (el: El) => {
      const label = el.getAttribute('aria-label');
      if (label) return clean(label);
      const ids = el.getAttribute('aria-labelledby');
      if (ids)
        return clean(
          ids
            .split(/\s+/)
            .map((id) => doc.getElementById(id)?.textContent ?? '')
            .join(' '),
        );
      return '';
    };
    const banner = all('header').find((el) => !el.parentElement?.closest('article, aside, main, nav, section')) ?? null;
    const regions: Record<string, { x: number; y: number; width: number; height: number; inBanner: boolean }> = {};
    const add = (key: string, el: El) => {
      if (!visible(el)) return;
      let unique = key;
      for (let n = 2; regions[unique]; n++) unique = `${key} #${n}`;
      const r = el.getBoundingClientRect();
      regions[unique] = {
        x: Math.round(r.x + g.scrollX),
        y: Math.round(r.y + g.scrollY),
        width: Math.round(r.width),
        height: Math.round(r.height),
        inBanner: !!banner && banner.contains(el),
      };
    };
    // An unnamed region is known by the named one around it ('list in "Trending topics"'), so a
    // list added elsewhere on the page does not renumber it.
    const within = (el: El) => {
      for (let up = el.parentElement; up; up = up.parentElement) {
        if (up.matches('article, aside, form, nav, section, [role="region"]') && nameOf(up)) return nameOf(up);
      }
      return '';
    };
    const named = (role: string, el: El) => {
      const name = nameOf(el);
      if (name) return `${role} "${name}"`;
      const around = within(el);
      return around ? `${role} in "${around}"` : role;
    };

    if (banner) add('banner', banner);
    for (const el of all('nav, [role="navigation"]')) add(named('navigation', el), el);
    for (const el of all('aside, [role="complementary"]')) add(named('complementary', el), el);
    for (const el of all('search, [role="search"]')) add(named('search', el), el);
    for (const el of all('section[aria-label], section[aria-labelledby], [role="region"]')) add(named('region', el), el);
    for (const el of all('form')) add(named('form', el), el);
    for (const el of all('h1')) add(`h1 "${clean(el.textContent)}"`, el);
    // Lists at the top of their nesting: the page's lists, not each item's own.
    for (const el of all('ul, ol, [role="list"]')) {
      if (!el.parentElement?.closest('ul, ol, [role="list"]')) add(named('list', el), el);
    }
    const main = all('main, [role="main"]')[0];
    if (main) {
      add('main', main);
      // The page's own blocks: through wrappers that hold a single element, to where it branches.
      let level: El = main;
      let blocks = Array.from(level.children).filter(visible);
      while (blocks.length === 1 && blocks[0].children.length > 0) {
        level = blocks[0];
        blocks = Array.from(level.children).filter(visible);
      }
      for (const el of blocks) {
        const role = el.getAttribute('role');
        add(named(`main > ${el.tagName.toLowerCase()}${role ? `[${role}]` : ''}`, el), el);
      }
    }
    return {
      viewport: { width: doc.documentElement.clientWidth, height: doc.documentElement.clientHeight },
      scrollWidth: doc.documentElement.scrollWidth,
      regions,
    };
  });
}

/**
 * Reads the layout once it has settled: fonts loaded and two readings a moment apart alike
 * (late data and lazy parts shift things; within the time limit, the last reading is kept).
 */
export async function settledLayout(page: Page, timeoutMs = 10_000): Promise<Layout> {
  await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready);
  const deadline = Date.now() + timeoutMs;
  let previous = await collectLayout(page);
  for (;;) {
    await page.waitForTimeout(400);
    const current = await collectLayout(page);
    if (JSON.stringify(current) === JSON.stringify(previous) || Date.now() > deadline) return current;
    previous = current;
  }
}

const BASELINES = join(process.cwd(), 'test', 'browser', 'baselines');
const RESULTS = join(process.cwd(), 'test-results', 'visual');

/**
 * Saves a screenshot of the page to test-results/visual/ (for people to look at, never compared
 * pixel by pixel), then checks its layout against test/browser/baselines/<name>.json. With
 * RUCHE_UPDATE_BASELINES=1 the baseline is rewritten instead (the layout faults still count).
 * Returns the problems found, each prefixed with the page's name; on any, the actual layout is
 * saved beside the screenshot as <name>.actual.json.
 */
export async function checkLayout(page: Page, name: string): Promise<string[]> {
  const layout = await settledLayout(page);
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
  const file = join(BASELINES, `${name}.json`);
  let problems: string[];
  if (process.env.RUCHE_UPDATE_BASELINES === '1') {
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(file, `${JSON.stringify(layout, null, 2)}\n`);
    problems = layoutFaults(layout);
  } else if (!existsSync(file)) {
    problems = [`no baseline at ${file} (run with RUCHE_UPDATE_BASELINES=1 to write it)`];
  } else {
    problems = compareLayouts(JSON.parse(readFileSync(file, 'utf8')) as Layout, layout);
  }
  if (problems.length) writeFileSync(join(RESULTS, `${name}.actual.json`), `${JSON.stringify(layout, null, 2)}\n`);
  return problems.map((p) => `${name}: ${p}`);
}
