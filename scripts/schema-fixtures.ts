// `npx tsx scripts/schema-fixtures.ts [--only=N]`: one saved database per shipped schema
// version, in tests/fixtures/schema/, made by that version's own code taken from git history:
// the sample business loaded through that version's import path, in fake-indexeddb, then every
// object store (its key path, indexes and rows) and the database's version written as JSON.
// tests/lib/db/schema-matrix.test.ts upgrades each to the latest schema. Run it when a new
// schema version ships (the new version's fixture is made from the current tree).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './browser';

const OUT = join(ROOT, 'tests/fixtures/schema');
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/** The first commit (on the main line) whose database.ts declares `db.version(n)`. */
function introducing(n: number): string | null {
  const found = git('log', '--first-parent', '--reverse', '--format=%H', `-Sdb.version(${n})`, '--', 'lib/db/database.ts').split('\n')[0];
  return found ? found : null;
}

/**
 * Each shipped version and the code it shipped with: the last commit before the next version
 * came in (the tree as it is now for the latest). A version that came in with the next one in
 * the same commit (4, with 5) never shipped on its own.
 */
function shippedVersions(): { version: number; commit: string | null; note: string }[] {
  const versions: { version: number; commit: string | null; note: string }[] = [];
  for (let n = 1; ; n++) {
    const own = introducing(n);
    if (own === null) break;
    const next = introducing(n + 1);
    if (next === own) continue;
    versions.push(next === null ? { version: n, commit: null, note: 'the current tree' } : { version: n, commit: `${next}^`, note: `${git('rev-parse', '--short', `${next}^`)} (the commit before schema ${n + 1})` });
  }
  return versions;
}

/** Runs in a checkout of one version's code (its own lib/), with this repository's node_modules. */
const GENERATOR = `
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { existsSync, writeFileSync } from 'node:fs';
import { openDatabase } from './lib/db/database';

// The sample's loader moved to the background's layer with schema 11's code.
const loader = existsSync('./lib/background/sample.ts') ? './lib/background/sample' : './lib/sample/load';
const { loadSampleBusiness } = await import(loader);

const NOW = Date.UTC(2026, 10, 20, 9, 0, 0);
const db = openDatabase('crm', { indexedDB, IDBKeyRange });
await loadSampleBusiness(db, NOW);
db.close();

const raw: IDBDatabase = await new Promise((resolve, reject) => {
  const request = indexedDB.open('crm');
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});
const stores = [];
for (const name of Array.from(raw.objectStoreNames).sort()) {
  const store = raw.transaction(name, 'readonly').objectStore(name);
  const rows = await new Promise((resolve, reject) => {
    const request = store.getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const indexes = Array.from(store.indexNames).sort().map((n) => {
    const index = store.index(n);
    return { name: n, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
  });
  stores.push({ name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, rows });
}
writeFileSync(process.argv[2], JSON.stringify({ version: raw.version, stores }));
`;

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
mkdirSync(OUT, { recursive: true });
const made: string[] = [];
for (const { version, commit, note } of shippedVersions()) {
  if (only && String(version) !== only) continue;
  const dir = mkdtempSync(join(tmpdir(), `crm-schema-${version}-`));
  try {
    if (commit === null) execFileSync('cp', ['-r', join(ROOT, 'lib'), dir]);
    else execFileSync('sh', ['-c', `git archive ${commit} lib | tar -x -C ${dir}`], { cwd: ROOT });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    writeFileSync(join(dir, 'make-fixture.ts'), GENERATOR);
    const file = join(OUT, `v${version}.json`);
    execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(dir, 'make-fixture.ts'), file], { cwd: dir, stdio: 'inherit' });
    made.push(`| \`v${version}.json\` | ${version} | ${note} |`);
    console.log(`schema ${version}: ${file} from ${note}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (!only) {
  writeFileSync(
    join(OUT, 'SOURCES.md'),
    `# schema/ — sources

One saved database per shipped schema version, made by \`npx tsx scripts/schema-fixtures.ts\` from
that version's own code in this repository's history: the sample business (lib/sample/) loaded
through that version's import path into fake-indexeddb, then every object store (key path,
indexes, rows) and the database's IndexedDB version (Dexie's version × 10) written as JSON. No
real person's data: the sample business is generated.

Schema 4 came in with schema 5 in one commit and never shipped on its own: it has no fixture.

| File | Schema | Made from |
|---|---|---|
${made.join('\n')}
`,
  );
}
