// `npm run team-server`: a CouchDB-compatible team server for trials and tests, from the
// project's own dependencies (PouchDB Server's express-pouchdb over pouchdb-core; no native
// build, no download). It binds 127.0.0.1 on a free port (or PORT), keeps data in memory (or on
// disk with `-- --dir=path`), sets up a team database with two members, and prints the URL.
//
// express-pouchdb is mounted as its own app on a plain node server: under express 5 its
// _changes route breaks. `fullCouchDB` mode gives _session (cookie sessions), _security and
// validate_doc_update, so the server refuses what a real CouchDB would.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import expressPouchDB from 'express-pouchdb';
import { nodePouch, nodePouchOnDisk } from './pouch-node';
import { addMember, createTeamDatabase, type Admin } from './team-setup';

export interface TeamServerOptions {
  /** 0 (default): a free port. */
  port?: number;
  /** Keep the data on disk in this folder (LevelDB) instead of in memory. */
  dir?: string;
  database?: string;
  members?: { name: string; password: string }[];
  adminPassword?: string;
  /** Print requests (method, path, status) to stdout. */
  log?: boolean;
}

export interface TeamServer {
  url: string;
  database: string;
  admin: Admin;
  members: { name: string; password: string }[];
  /** Stops answering (connections closed) while keeping the data, as a server that went away. */
  stop(): Promise<void>;
  /** Answers again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export const DEMO_MEMBERS = [
  { name: 'anna', password: 'anna-demo-password' },
  { name: 'ben', password: 'ben-demo-password' },
];

async function adapterFor(dir: string | undefined) {
  if (dir === undefined) return nodePouch().defaults({ adapter: 'memory' });
  mkdirSync(dir, { recursive: true });
  return (await nodePouchOnDisk()).defaults({ adapter: 'leveldb', prefix: `${dir}/` });
}

type Doc = Record<string, unknown>;

/**
 * express-pouchdb's validation (pouchdb-validation 4.2) sets a written document's `_revisions`
 * to the stored document's before running validate_doc_update. For a replicated write
 * (new_edits=false) that is the document's own ancestry, so PouchDB then drops the write
 * without a word: replication into the server silently lost edits. This wrapper, outside the
 * validation, hands it documents whose `_revisions` cannot be overwritten.
 */
function keepRevisions(name: string, db: { bulkDocs: (req: unknown, ...rest: unknown[]) => unknown }, next: () => unknown): unknown {
  const bulkDocs = db.bulkDocs;
  db.bulkDocs = function (this: unknown, req: unknown, ...rest: unknown[]) {
    const guard = (doc: Doc) => (doc && typeof doc === 'object' && '_revisions' in doc ? new Proxy(doc, { set: (target, key, value) => (key === '_revisions' ? true : Reflect.set(target, key, value)) }) : doc);
    const guarded = Array.isArray(req) ? req.map(guard) : req && typeof req === 'object' && Array.isArray((req as { docs?: unknown }).docs) ? { ...(req as object), docs: (req as { docs: Doc[] }).docs.map(guard) } : req;
    return bulkDocs.call(this, guarded, ...rest);
  };
  return next();
}

export async function startTeamServer(options: TeamServerOptions = {}): Promise<TeamServer> {
  const Pouch = await adapterFor(options.dir);
  const logDir = options.dir ?? join(process.env.TMPDIR ?? '/tmp', `crm-team-server-${process.pid}`);
  mkdirSync(logDir, { recursive: true });
  const app = expressPouchDB(Pouch, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: join(logDir, 'log.txt') });
  app.dbWrapper.registerWrapper(keepRevisions);
  // No ETags: a browser would answer a repeated _changes request from its cache (304).
  (app as unknown as { disable(setting: string): void }).disable('etag');
  const adminPassword = options.adminPassword ?? crypto.randomUUID();
  await new Promise<void>((resolve, reject) => app.couchConfig.set('admins', 'admin', adminPassword, (error) => (error ? reject(error as Error) : resolve())));
  // CouchDB's default cookie lifetime is 10 minutes, renewed by requests; the same here.
  await new Promise<void>((resolve) => app.couchConfig.set('couch_httpd_auth', 'timeout', '600', () => resolve()));

  const sockets = new Set<import('node:net').Socket>();
  let server: Server | null = null;
  let port = options.port ?? 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((req, res) => {
        if (options.log) res.on('finish', () => console.log(`${req.method} ${req.url} ${res.statusCode}`));
        app(req, res);
      });
      next.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as AddressInfo).port;
        server = next;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = null;
      if (!current) return resolve();
      current.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  await listen();
  const url = `http://127.0.0.1:${port}`;
  const admin: Admin = { url, user: 'admin', password: adminPassword };
  const database = options.database ?? 'crm-team';
  const members = options.members ?? DEMO_MEMBERS;
  await createTeamDatabase(admin, database);
  for (const member of members) await addMember(admin, database, member.name, member.password);
  return { url, database, admin, members, stop, start: listen, close: stop };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv.find((arg) => arg.startsWith('--dir='))?.slice('--dir='.length);
  const server = await startTeamServer({ port: Number(process.env.PORT ?? 0), dir, log: process.argv.includes('--log') });
  console.log(`Team server: ${server.url}  (${dir ? `data in ${dir}` : 'in memory: stopping it forgets everything'})`);
  console.log(`Team database: ${server.database}`);
  for (const member of server.members) console.log(`Member: ${member.name} / ${member.password}`);
  console.log(`Admin: admin / ${server.admin.password}  (COUCHDB_URL=http://admin:${server.admin.password}@127.0.0.1:${new URL(server.url).port} npm run team-setup -- …)`);
  console.log('In the extension: Settings → Team → server URL, database, a member name and password. Ctrl+C stops the server.');
}
