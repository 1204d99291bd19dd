import PouchDB, { type PouchStatic } from 'pouchdb-core';
import indexeddb from 'pouchdb-adapter-indexeddb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

/**
 * PouchDB 9 for the background: the IndexedDB adapter (the mirror), the HTTP adapter (the team
 * server, through lib/sync/remote.ts's fetch) and replication. About 105 KB minified, 35 KB
 * gzipped. It is bundled into the background rather than loaded on demand: Chrome's MV3 service
 * worker refuses import() by the HTML spec and importScripts() after install, so only the
 * plugins' registration waits until a team is joined.
 */
let registered: PouchStatic | null = null;

export function browserPouch(): PouchStatic {
  if (registered) return registered;
  if (!PouchDB.adapters.indexeddb) PouchDB.plugin(indexeddb);
  if (!PouchDB.adapters.http) PouchDB.plugin(http);
  if (typeof PouchDB.replicate !== 'function') PouchDB.plugin(replication);
  registered = PouchDB;
  return registered;
}
