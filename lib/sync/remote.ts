/**
 * Talking to the team server: a CouchDB cookie session (POST /_session with the member's name
 * and password; the AuthSession cookie then rides on every request, and a 401 logs in again
 * once), and every failure turned into one of a few plain reasons for the status line.
 *
 * The fetch made here is what PouchDB's HTTP adapter uses (its `fetch` option), so replication
 * goes through the same session and the same error reading.
 */

export const REMOTE_PROBLEMS = ['auth', 'forbidden', 'not_found', 'unreachable', 'tls', 'garbage', 'server'] as const;
export type RemoteProblem = (typeof REMOTE_PROBLEMS)[number];

export class RemoteError extends Error {
  override readonly name = 'RemoteError';
  constructor(
    readonly problem: RemoteProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface Credentials {
  url: string;
  database: string;
  user: string;
  password: string;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The server's base URL: http(s) only, no credentials, no query, no trailing slash. */
export function normalizeServerUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new RemoteError('unreachable', 'The server address is not a URL (e.g. https://couch.example.com).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RemoteError('unreachable', 'The server address must start with https:// (or http:// on this computer).');
  if (url.username || url.password) throw new RemoteError('auth', 'Put the user name and password in their own fields, not in the address.');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** What the permission request and the manifest call the server: `https://host:port/*`. */
export function originPattern(serverUrl: string): string {
  return `${new URL(serverUrl).origin}/*`;
}

/** A CouchDB database name (lower case letter first; CouchDB's own rule). */
export function isDatabaseName(name: string): boolean {
  return /^[a-z][a-z0-9_$()+/-]{0,237}$/.test(name);
}

const MESSAGES: Record<RemoteProblem, string> = {
  auth: 'Wrong user name or password.',
  forbidden: 'No access to the team database: ask whoever runs the server to add you as a member.',
  not_found: 'There is no team database of that name on this server.',
  unreachable: 'The server is unreachable (offline, or a wrong address).',
  tls: 'The server’s certificate was refused (TLS error): check the address, or the server’s certificate.',
  garbage: 'The server answered with something that is not CouchDB (check the address).',
  server: 'The server failed (an error on its side); it will be tried again.',
};

export function problemMessage(problem: RemoteProblem): string {
  return MESSAGES[problem];
}

/**
 * The last network error the browser reported for the server (webRequest, when the optional
 * permission is granted): fetch itself only says "failed", never why.
 */
export type NetworkErrorLookup = (url: string) => string | null;

function isTlsError(error: string | null): boolean {
  return error !== null && /CERT|SSL|TLS|SEC_ERROR|certificate|HSTS/i.test(error);
}

/**
 * A fetch for one team database with a CouchDB cookie session. It logs in before the first
 * request and again on a 401 (the session timed out), and throws RemoteError for what cannot
 * succeed. If the browser keeps no cookie (some stores block them for extensions), it falls
 * back to sending the name and password with each request (Basic), as CouchDB also accepts.
 */
export class RemoteSession {
  private loggedIn: Promise<void> | null = null;
  private basic = false;

  constructor(
    private readonly credentials: Credentials,
    private readonly baseFetch: Fetch = (input, init) => fetch(input, init),
    private readonly networkError: NetworkErrorLookup = () => null,
  ) {}

  get databaseUrl(): string {
    return `${this.credentials.url}/${encodeURIComponent(this.credentials.database)}`;
  }

  /** The fetch PouchDB's HTTP adapter is given. */
  readonly fetch: Fetch = async (input, init = {}) => {
    await this.login();
    let response = await this.send(input, init);
    if (response.status === 401 && !this.basic) {
      // The session expired (CouchDB's default is ten minutes without a request), or the
      // browser did not keep the cookie: log in again, then use Basic if it still fails.
      this.loggedIn = null;
      await this.login();
      response = await this.send(input, init);
      if (response.status === 401) {
        this.basic = true;
        response = await this.send(input, init);
      }
    }
    if (response.status === 401) throw new RemoteError('auth', MESSAGES.auth);
    if (response.status === 403) throw new RemoteError('forbidden', MESSAGES.forbidden);
    return response;
  };

  private async send(input: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.basic) headers.set('Authorization', `Basic ${btoa(unescape(encodeURIComponent(`${this.credentials.user}:${this.credentials.password}`)))}`);
    try {
      // no-store: a cached _changes answer (a 304 from an ETag) would hide the team's new writes.
      return await this.baseFetch(input, { ...init, headers, credentials: 'include', cache: 'no-store' });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw isTlsError(this.networkError(input)) ? new RemoteError('tls', MESSAGES.tls) : new RemoteError('unreachable', MESSAGES.unreachable);
    }
  }

  login(): Promise<void> {
    this.loggedIn ??= this.openSession().catch((error: unknown) => {
      this.loggedIn = null;
      throw error;
    });
    return this.loggedIn;
  }

  private async openSession(): Promise<void> {
    const response = await this.send(`${this.credentials.url}/_session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ name: this.credentials.user, password: this.credentials.password }),
    });
    const body = await readJson(response);
    if (response.status === 401) throw new RemoteError('auth', MESSAGES.auth);
    if (response.status >= 500) throw new RemoteError('server', MESSAGES.server);
    if (!response.ok || body === null || (body as { ok?: unknown }).ok !== true) throw new RemoteError('garbage', MESSAGES.garbage);
  }

  /** Reads the team database's info: the whole connection test (address, TLS, password, access). */
  async check(): Promise<{ docCount: number }> {
    const response = await this.fetch(this.databaseUrl, { headers: { Accept: 'application/json' } });
    const body = await readJson(response);
    if (response.status === 404) throw new RemoteError('not_found', MESSAGES.not_found);
    if (response.status >= 500) throw new RemoteError('server', MESSAGES.server);
    if (!response.ok || body === null || typeof (body as { db_name?: unknown }).db_name !== 'string') throw new RemoteError('garbage', MESSAGES.garbage);
    return { docCount: Number((body as { doc_count?: unknown }).doc_count) || 0 };
  }

  /** One document of the team database, or null when there is none. */
  async getDocument(id: string): Promise<unknown> {
    const response = await this.fetch(`${this.databaseUrl}/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } });
    const body = await readJson(response);
    if (response.status === 404) return null;
    if (response.status >= 500) throw new RemoteError('server', MESSAGES.server);
    if (!response.ok || body === null) throw new RemoteError('garbage', MESSAGES.garbage);
    return body;
  }

  /** Creates a document; false when one with this id exists already. */
  async createDocument(id: string, doc: object): Promise<boolean> {
    const response = await this.fetch(`${this.databaseUrl}/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(doc),
    });
    if (response.status === 409) return false;
    if (!response.ok) throw new RemoteError(response.status >= 500 ? 'server' : 'garbage', response.status >= 500 ? MESSAGES.server : MESSAGES.garbage);
    return true;
  }

  /** Ends the session on the server (leaving the team). */
  async logout(): Promise<void> {
    await this.baseFetch(`${this.credentials.url}/_session`, { method: 'DELETE', credentials: 'include' }).catch(() => undefined);
    this.loggedIn = null;
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The plain reason for any error met while syncing. */
export function describeError(error: unknown): { problem: RemoteProblem; message: string } {
  if (error instanceof RemoteError) return { problem: error.problem, message: error.message };
  // PouchDB's replication copies an error's own fields onto an error of its own.
  const problem = typeof error === 'object' && error !== null && 'problem' in error ? (error as { problem: unknown }).problem : null;
  if ((REMOTE_PROBLEMS as readonly unknown[]).includes(problem)) return { problem: problem as RemoteProblem, message: MESSAGES[problem as RemoteProblem] };
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number((error as { status: unknown }).status) : NaN;
  if (status === 401) return { problem: 'auth', message: MESSAGES.auth };
  if (status === 403) return { problem: 'forbidden', message: MESSAGES.forbidden };
  if (status === 404) return { problem: 'not_found', message: MESSAGES.not_found };
  if (status >= 500) return { problem: 'server', message: MESSAGES.server };
  // PouchDB turns a body that is not JSON into a SyntaxError or a generic "bad_request".
  if (error instanceof SyntaxError) return { problem: 'garbage', message: MESSAGES.garbage };
  if (error instanceof TypeError) return { problem: 'unreachable', message: MESSAGES.unreachable };
  return { problem: 'garbage', message: MESSAGES.garbage };
}
