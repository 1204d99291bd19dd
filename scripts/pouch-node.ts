import PouchDB, { type PouchStatic } from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

/**
 * PouchDB for Node (the test server, the tests, the bench): in-memory and HTTP adapters and
 * replication. Plugins change PouchDB's one class, and registering one twice throws, so every
 * Node user takes it from here.
 */
export function nodePouch(): PouchStatic {
  if (!PouchDB.adapters.memory) PouchDB.plugin(memory);
  if (!PouchDB.adapters.http) PouchDB.plugin(http);
  if (typeof PouchDB.replicate !== 'function') PouchDB.plugin(replication);
  return PouchDB;
}

/** The same with the on-disk LevelDB adapter (`npm run team-server -- --dir=…`). */
export async function nodePouchOnDisk(): Promise<PouchStatic> {
  const Pouch = nodePouch();
  if (!Pouch.adapters.leveldb) Pouch.plugin((await import('pouchdb-adapter-leveldb')).default);
  return Pouch;
}
