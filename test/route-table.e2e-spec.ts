import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IS_PUBLIC, type Permission, REQUIRED_PERMISSION } from '@ruche/platform';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { type Access, fillPath, idParamsOf, routeKey, ROUTES } from './support/route-table.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The route table (test/support/route-table.ts) against what the app really registers: a route
 * missing from the table or a table row without a route fails, and so does a route whose
 * authentication or permission differs from its row. Then each decision is tried for real.
 */

/** Every (method, path) Fastify serves, from its router's own listing (HEAD mirrors GET). */
function registeredRoutes(t: TestApp): Set<string> {
  const tree = t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const found = new Set<string>();
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    stack.push(match[2]);
    for (const method of match[3]?.split(', ') ?? []) {
      if (method !== 'HEAD') found.add(`${method} ${stack.join('')}`);
    }
  }
  return found;
}

/** The access each Nest handler declares (`@Public()`, `@RequirePermission()`, else a token). */
function declaredAccess(t: TestApp): Map<string, Access> {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const access = new Map<string, Access>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type & { prototype: Record<string, Type> };
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = controller.prototype[name];
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const full = ['/api', base, path]
          .filter((part) => part && part !== '/')
          .join('/')
          .replace(/\/+/g, '/');
        const targets = [handler, controller];
        const permission = reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
        const isPublic = reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets);
        access.set(`${method} ${full}`, isPublic ? 'public' : (permission ?? 'token'));
      }
    }
  }
  return access;
}

const request = (t: TestApp, method: string, path: string, as?: TestUser) => {
  const req = t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
  if (as) void req.set('Authorization', as.auth);
  // A body on every write: the checks are about who may call, not about what is sent.
  return method === 'GET' || method === 'DELETE' ? req : req.send({});
};

const filled = (path: string) => fillPath(path, Object.fromEntries(idParamsOf(path).map((name) => [name, randomUUID()])));

describe('route table: every route has an authorization decision', () => {
  let t: TestApp;
  let employee: TestUser;
  let webDir: string;

  beforeAll(async () => {
    // A web build, so its routes are registered whether or not dist/web exists on this machine.
    webDir = mkdtempSync(join(tmpdir(), 'ruche-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Ruche</title>');
    t = await startTestApp({ RUCHE_WEB_DIR: webDir });
    await registerUser(t); // the first account is the admin
    employee = await registerUser(t);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('lists exactly the routes the app registers', () => {
    const registered = [...registeredRoutes(t)].sort();
    const listed = ROUTES.map(routeKey).sort();
    expect(new Set(listed).size).toBe(listed.length);
    expect({
      unlisted: registered.filter((r) => !listed.includes(r)),
      gone: listed.filter((r) => !registered.includes(r)),
    }).toEqual({
      unlisted: [],
      gone: [],
    });
  });

  it('gives each route the access its row says', () => {
    const declared = declaredAccess(t);
    // Routes outside Nest's controllers (docs, web app) have no guard: they are public by nature.
    const actual = ROUTES.map((r) => [routeKey(r), declared.get(routeKey(r)) ?? 'public']);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(ROUTES.map((r) => [routeKey(r), r.access])));
    for (const key of declared.keys()) expect(ROUTES.map(routeKey)).toContain(key);
  });

  const guarded = ROUTES.filter((r) => r.access !== 'public');
  it.each(guarded.map((r) => [routeKey(r), r] as const))('%s without a token → 401', async (_key, r) => {
    const res = await request(t, r.method, filled(r.path));
    expect(res.status).toBe(401);
  });

  const permitted = ROUTES.filter((r) => r.access !== 'public' && r.access !== 'token');
  it.each(permitted.map((r) => [routeKey(r), r.access, r] as const))(
    '%s as a plain employee (needs %s) → 403',
    async (_key, _access, r) => {
      const res = await request(t, r.method, filled(r.path), employee);
      expect(res.status).toBe(403);
    },
  );
});
