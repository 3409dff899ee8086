import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The web app to serve in browser tests. `RUCHE_WEB_DIR` (an already built app) wins; otherwise
 * the current sources are built into a temporary directory (≈ 2 s), so a stale or missing
 * dist/web never decides what is tested, and a concurrent `nest build` (which empties dist/)
 * cannot pull the files away mid-test.
 */
export function buildWebApp(): string {
  const given = process.env.RUCHE_WEB_DIR;
  if (given && existsSync(join(given, 'index.html'))) return resolve(given);
  const outDir = mkdtempSync(join(tmpdir(), 'ruche-web-'));
  // Vite runs in its own process: inside Jest's VM modules, rolldown's native binding rejects the
  // plugin objects ("Value is none of these types BindingPluginOptions"), so build() cannot run there.
  execFileSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'apps/web/vite.config.ts',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
    { stdio: 'inherit', timeout: 120_000, env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`web build produced no index.html in ${outDir}`);
  return outDir;
}
