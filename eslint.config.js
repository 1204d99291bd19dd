import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The layers (ARCHITECTURE.md), each importing only those below it:
 *   domain    pure: records, email, insights, import formats and parsing, export, reminders, settings
 *   database  lib/db, reached through its one entry, lib/db/index.ts
 *   protocol  lib/messaging: the messages both ends of a runtime message agree on
 *   services  the background: handlers, insights, alarms, the change signal's wiring
 *   pages     components, page state, content scripts and their site adapters
 * The database and the protocol sit side by side: neither imports the other.
 */
const DOMAIN = [
  'lib/model',
  'lib/email',
  'lib/insights',
  'lib/import',
  'lib/export',
  'lib/reminders',
  'lib/quick-notes',
  'lib/settings',
  'lib/sample',
  'lib/loadable.ts',
  'lib/ui-state.ts',
  'lib/shortcut.ts',
];
const DATABASE = ['lib/db'];
const PROTOCOL = ['lib/messaging'];
const SERVICES = ['lib/background', 'entrypoints/background.ts'];
const PAGES = [
  'components',
  'lib/sidebar',
  'lib/popup',
  'lib/manager',
  'lib/mount',
  'lib/sites',
  'entrypoints/options',
  'entrypoints/popup',
  'entrypoints/settings',
  'entrypoints/sidebar-app.tsx',
  'entrypoints/gmail.content.ts',
  'entrypoints/enabled-site.content.ts',
  'entrypoints/shopify.content.ts',
];
/** The import's jobs and the page's import flow (they run in pages and the import worker). */
const IMPORT_JOBS = ['lib/import/job.ts', 'lib/import/runner.ts', 'lib/import/import.worker.ts'];

/** Zones for import-x/no-restricted-paths: `target` may not import `from`. */
export const LAYER_ZONES = [
  {
    target: DOMAIN,
    from: [...DATABASE, ...PROTOCOL, ...SERVICES, ...PAGES],
    message: 'The domain is pure: no database, protocol, background or page code (ARCHITECTURE.md).',
  },
  {
    target: DATABASE,
    from: [...PROTOCOL, ...SERVICES, ...PAGES, ...IMPORT_JOBS],
    message: 'lib/db imports only the domain: no messaging, no jobs, no background or page code (ARCHITECTURE.md).',
  },
  {
    target: PROTOCOL,
    from: [...DATABASE, ...SERVICES, ...PAGES],
    message: 'The protocol imports only the domain (ARCHITECTURE.md).',
  },
  {
    target: SERVICES,
    from: PAGES.filter((path) => path !== 'lib/sites'),
    message: 'The background imports no page code (ARCHITECTURE.md).',
  },
  {
    // A site adapter's URL predicate is pure (DESIGN.md: `matches(url)`); the background uses it
    // to tell Gmail and store admins from other sites. The rest of an adapter is page code.
    target: SERVICES,
    from: 'lib/sites',
    except: ['./gmail/url.ts', './shopify/url.ts', './woocommerce/url.ts', './generic/url.ts'],
    message: 'The background imports no page code (ARCHITECTURE.md).',
  },
  {
    target: PAGES,
    from: [...DATABASE, ...SERVICES],
    message: 'Pages reach the database and the background only through messages (ARCHITECTURE.md).',
  },
  {
    target: [...DOMAIN, ...PROTOCOL, ...SERVICES, ...PAGES],
    from: 'lib/db',
    except: ['./index.ts'],
    message: 'Import lib/db through its one entry, lib/db/index.ts.',
  },
];

/** How import-x reads TypeScript (its parser for .ts files), resolved by the TypeScript resolver below. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const { 'import-x/resolver': legacyResolver, ...TYPESCRIPT_SETTINGS } = importX.flatConfigs.typescript.settings;

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/fixtures/**', 'tests/lint/fixtures/**', 'bench/results*'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The host page is hostile and Gmail enforces Trusted Types: text stays text.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build nodes or use textContent.' },
        { property: 'outerHTML', message: 'Build nodes or use textContent.' },
        { property: 'insertAdjacentHTML', message: 'Build nodes or use textContent.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of an enum.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never set raw HTML.' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The layers' direction, and no import cycle (type-only imports aside: tests/architecture
    // checks those).
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'tests/lint/fixtures/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { ...TYPESCRIPT_SETTINGS, 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
    },
  },
  {
    // Only lib/db opens the database (DESIGN.md: one owner, the background).
    files: ['**/*.{ts,tsx}'],
    ignores: ['lib/db/**', 'tests/**', 'bench/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Only lib/db imports Dexie.' }] }],
    },
  },
  {
    // The domain uses no browser or extension API.
    files: DOMAIN.map((path) => (path.endsWith('.ts') ? path : `${path}/**/*.{ts,tsx}`)),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'Only lib/db imports Dexie.' },
            { name: 'preact', message: 'The domain renders nothing.' },
          ],
          patterns: [{ group: ['wxt/*'], message: 'The domain uses no extension API.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['browser', 'chrome', 'document', 'window', 'indexedDB', 'localStorage', 'sessionStorage'].map((name) => ({
          name,
          message: 'The domain uses no browser or extension API (ARCHITECTURE.md).',
        })),
      ],
    },
  },
);
