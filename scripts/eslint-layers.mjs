// Which module may import which: the one-way dependencies of README "Module map", checked by ESLint
// (rule `ruche/layers` in eslint.config.mjs), so an arrow that points up fails `npm run lint`.
//
// A hand-written rule rather than eslint-plugin-boundaries or dependency-cruiser: code imports
// another module only as `@ruche/<module>` (or, mistakenly, by a relative path into libs/<module>),
// so the name is the module and no import resolver for the tsconfig aliases is needed; the table
// below is the whole policy, and the message names the arrow.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FOUNDATION = ['contracts', 'platform'];
const OWNERS = ['identity', 'people', 'groups', 'files', 'feed', 'questions', 'ideas', 'announcements'];

/** module → the modules it may import. A module not listed may import nothing of ours. */
export const LAYERS = {
  // Event names, payloads, wire views: below everything, imports nothing.
  contracts: [],
  // The event bus is typed by contracts' map.
  platform: ['contracts'],
  identity: FOUNDATION,
  people: ['identity', ...FOUNDATION],
  groups: ['identity', ...FOUNDATION],
  // Uploads and attachments: beside people and groups; the content owners attach through it.
  files: ['identity', ...FOUNDATION],
  // Link previews (#14): beside files (their images are files); the content owners record links through it.
  previews: ['files', 'identity', ...FOUNDATION],
  feed: ['people', 'groups', 'files', 'previews', 'identity', ...FOUNDATION],
  questions: ['people', 'groups', 'files', 'previews', 'identity', ...FOUNDATION],
  ideas: ['people', 'groups', 'files', 'previews', 'identity', ...FOUNDATION],
  announcements: ['people', 'groups', 'identity', ...FOUNDATION],
  // Listeners: react to events and may ask the owners' exported services; producers never import them.
  expertise: [...OWNERS, ...FOUNDATION],
  mentoring: ['expertise', ...OWNERS, ...FOUNDATION],
  moderation: [...OWNERS, ...FOUNDATION],
  notifications: [...OWNERS, ...FOUNDATION],
  analytics: [...OWNERS, ...FOUNDATION],
  search: [...OWNERS, ...FOUNDATION],
  realtime: [...OWNERS, ...FOUNDATION],
  training: [...OWNERS, ...FOUNDATION],
  // Kudos and badges (#17): a listener that owns kudos, asking the owners who may see what.
  recognition: [...OWNERS, ...FOUNDATION],
  // The email bridge (out and in): an adapter on top, asking owners and notifications' exported services.
  email: ['notifications', ...OWNERS, ...FOUNDATION],
  // Web Push (#16): another channel beside email, reusing its recipients, excerpts and words.
  push: ['email', 'notifications', ...OWNERS, ...FOUNDATION],
  // SCIM provisioning: an adapter on top, writing accounts, profiles and groups through their owners.
  scim: ['people', 'groups', 'identity', ...FOUNDATION],
  // Personal data (#15): a coordinator over every owner's PersonalDataRegistry entry (platform);
  // imports identity (the account) and files (where archives are stored).
  privacy: ['identity', 'files', ...FOUNDATION],
  // The browser app shares types and vocabulary with the api through contracts only.
  web: ['contracts'],
};

const root = fileURLToPath(new URL('..', import.meta.url));

/** The module a file belongs to (libs/<m>/..., apps/web/...), or null (apps/api, tests, benches: free). */
function moduleOfFile(file) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] === 'libs' && rel[1]) return rel[1];
  if (rel[0] === 'apps' && rel[1] === 'web') return 'web';
  return null;
}

/** The module an import names: `@ruche/<m>[/...]`, or a relative path that lands in libs/<m>. */
function moduleOfImport(source, file) {
  const alias = /^@ruche\/([a-z-]+)/.exec(source);
  if (alias) return alias[1];
  if (!source.startsWith('.')) return null;
  const target = path.relative(root, path.resolve(path.dirname(file), source)).split(path.sep);
  return target[0] === 'libs' && target[1] ? target[1] : null;
}

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Dependencies between modules point one way (README "Module map").' },
    schema: [],
    messages: {
      upward: '{{from}} may not import {{to}}: {{from}} may import {{allowed}} (README "Module map").',
    },
  },
  create(context) {
    const file = context.filename;
    const from = moduleOfFile(file);
    if (!from) return {};
    const allowed = LAYERS[from] ?? [];
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const to = moduleOfImport(node.source.value, file);
      if (!to || to === from || allowed.includes(to)) return;
      context.report({
        node: node.source,
        messageId: 'upward',
        data: { from, to, allowed: allowed.length ? allowed.join(', ') : 'nothing of ours' },
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export const rucheLayers = { rules: { layers } };
