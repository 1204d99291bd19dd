// Sets up a team database on Apache CouchDB 3, IBM Cloudant or the project's test server
// (`npm run team-server`), over CouchDB's HTTP API with a server admin's credentials:
//
//   COUCHDB_URL=http://admin:secret@127.0.0.1:5984 npm run team-setup -- create crm-team
//   COUCHDB_URL=… npm run team-setup -- add-member crm-team anna 'her password'
//   COUCHDB_URL=… npm run team-setup -- remove-member crm-team anna
//
// `create` makes the database, restricts it to its members (`_security`: a database without
// members is public in CouchDB, so a role is always named) and installs a validate_doc_update
// that refuses malformed or oversized documents. `add-member` creates the CouchDB user when
// needed and lists the name as a member; `remove-member` takes the name off (the user stays,
// without access to this database).
import { pathToFileURL } from 'node:url';

/** The same limits the extension applies (lib/sync/envelope.ts). */
export const MAX_DOCUMENT_CHARS = 4_000_000;

/**
 * Runs inside CouchDB (its JavaScript query server) on every write, replication included.
 * Kept in ES5: CouchDB 3's engine is SpiderMonkey 1.8.5 by default.
 */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx) {
  var isAdmin = userCtx.roles.indexOf('_admin') !== -1;
  if (newDoc._id.indexOf('_design/') === 0) {
    if (!isAdmin) throw({ forbidden: 'Only a server admin changes design documents.' });
    return;
  }
  if (newDoc._deleted === true) return;
  var allowed = { _id: 1, _rev: 1, _revisions: 1, _deleted: 1, v: 1, e: 1, d: 1 };
  for (var key in newDoc) {
    if (!allowed[key]) throw({ forbidden: 'Unexpected field in a team document: ' + key });
  }
  if (newDoc.v !== 1) throw({ forbidden: 'Unknown team document version.' });
  var hasE = typeof newDoc.e === 'string';
  var hasD = newDoc.d !== null && typeof newDoc.d === 'object' && !Array.isArray(newDoc.d);
  if (hasE === hasD) throw({ forbidden: 'A team document holds either e (encrypted) or d.' });
  if (hasE && (newDoc.e.length > ${MAX_DOCUMENT_CHARS} || !/^[A-Za-z0-9+\\/]*={0,2}$/.test(newDoc.e))) {
    throw({ forbidden: 'An encrypted team document is malformed or too large.' });
  }
  if (hasD && JSON.stringify(newDoc.d).length > ${MAX_DOCUMENT_CHARS}) throw({ forbidden: 'A team document is too large.' });
  if (newDoc._id === 'team-settings' && oldDoc && oldDoc.d && newDoc.d && JSON.stringify(oldDoc.d.layout) !== JSON.stringify(newDoc.d.layout)) {
    throw({ forbidden: 'The team layout never changes.' });
  }
}`;

export interface Admin {
  /** The server's base URL, without credentials. */
  url: string;
  user: string;
  password: string;
}

export function adminFromUrl(raw: string): Admin {
  const url = new URL(raw);
  const admin = { url: `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, '')}`, user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  if (!admin.user) throw new Error('COUCHDB_URL must name a server admin: http://admin:password@host:5984');
  return admin;
}

async function call(admin: Admin, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${admin.url}/${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}`, 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { error: 'not_json', reason: text.slice(0, 200) };
  }
  return { status: response.status, json };
}

function check(result: { status: number; json: Record<string, unknown> }, what: string, allowed: number[] = []): void {
  if (result.status < 300 || allowed.includes(result.status)) return;
  throw new Error(`${what}: HTTP ${result.status} ${String(result.json.error ?? '')} ${String(result.json.reason ?? '')}`.trim());
}

const memberRole = (db: string) => `${db}-member`;

interface Security {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

async function readSecurity(admin: Admin, db: string): Promise<Security> {
  const result = await call(admin, 'GET', `${encodeURIComponent(db)}/_security`);
  check(result, 'Reading the members');
  const json = result.json as Partial<Security>;
  return {
    admins: { names: json.admins?.names ?? [], roles: json.admins?.roles ?? [] },
    members: { names: json.members?.names ?? [], roles: json.members?.roles ?? [memberRole(db)] },
  };
}

/** Creates the team database (if missing), restricted to its members, with the validation. */
export async function createTeamDatabase(admin: Admin, db: string): Promise<void> {
  check(await call(admin, 'PUT', encodeURIComponent(db)), `Creating ${db}`, [412]);
  const security = await readSecurity(admin, db);
  if (!security.members.roles.includes(memberRole(db))) security.members.roles.push(memberRole(db));
  check(await call(admin, 'PUT', `${encodeURIComponent(db)}/_security`, security), 'Restricting the database to its members');
  const existing = await call(admin, 'GET', `${encodeURIComponent(db)}/_design/crm`);
  const design = { _id: '_design/crm', validate_doc_update: VALIDATE_DOC_UPDATE, ...(existing.status === 200 ? { _rev: existing.json._rev } : {}) };
  check(await call(admin, 'PUT', `${encodeURIComponent(db)}/_design/crm`, design), 'Installing the document validation');
}

/** Creates the user if needed (a new password when given) and makes them a member. */
export async function addMember(admin: Admin, db: string, name: string, password: string | null): Promise<void> {
  const path = `_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  const existing = await call(admin, 'GET', path);
  if (existing.status === 404 && password === null) throw new Error(`There is no user ${name}: give a password to create one.`);
  if (existing.status === 404 || password !== null) {
    const user = { ...(existing.status === 200 ? existing.json : {}), _id: `org.couchdb.user:${name}`, name, type: 'user', roles: (existing.json.roles as string[] | undefined) ?? [], password };
    check(await call(admin, 'PUT', path, user), `Saving the user ${name}`);
  }
  const security = await readSecurity(admin, db);
  if (!security.members.names.includes(name)) security.members.names.push(name);
  check(await call(admin, 'PUT', `${encodeURIComponent(db)}/_security`, security), `Adding ${name} to the members`);
}

/** Takes the name off the members: the next request from that user is refused. */
export async function removeMember(admin: Admin, db: string, name: string): Promise<void> {
  const security = await readSecurity(admin, db);
  security.members.names = security.members.names.filter((n) => n !== name);
  check(await call(admin, 'PUT', `${encodeURIComponent(db)}/_security`, security), `Removing ${name} from the members`);
}

async function main(argv: string[]): Promise<void> {
  const [command, db, name, password] = argv;
  const raw = process.env.COUCHDB_URL;
  if (!raw || !command || !db) {
    console.error('Usage: COUCHDB_URL=http://admin:password@host:5984 npm run team-setup -- create|add-member|remove-member <database> [name] [password]');
    process.exit(2);
  }
  const admin = adminFromUrl(raw);
  if (command === 'create') {
    await createTeamDatabase(admin, db);
    console.log(`Team database ${db} is ready at ${admin.url}/${db} (members only, documents validated).`);
  } else if (command === 'add-member' && name) {
    await addMember(admin, db, name, password ?? null);
    console.log(`${name} is a member of ${db}.`);
  } else if (command === 'remove-member' && name) {
    await removeMember(admin, db, name);
    console.log(`${name} is no longer a member of ${db}.`);
  } else {
    console.error(`Unknown command or missing name: ${command}`);
    process.exit(2);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
