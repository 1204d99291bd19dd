// PouchDB 9 ships no types; these declare the parts this project uses (lib/sync, the test server).

declare module 'pouchdb-core' {
  export interface ReplicationInfo {
    docs_read?: number;
    docs_written?: number;
    doc_write_failures?: number;
    last_seq?: number | string;
    pending?: number;
    direction?: 'push' | 'pull';
    change?: { docs_read: number; docs_written: number; pending?: number; last_seq?: number | string };
  }
  export interface Replication extends PromiseLike<ReplicationInfo> {
    on(event: 'change', listener: (info: ReplicationInfo) => void): this;
    on(event: 'paused', listener: (error?: unknown) => void): this;
    on(event: 'active' | 'complete', listener: (info?: ReplicationInfo) => void): this;
    on(event: 'denied' | 'error', listener: (error: unknown) => void): this;
    cancel(): void;
  }
  export interface ReplicateOptions {
    live?: boolean;
    retry?: boolean;
    batch_size?: number;
    batches_limit?: number;
    heartbeat?: number | false;
    timeout?: number | false;
    checkpoint?: 'source' | 'target' | false;
    back_off_function?: (delay: number) => number;
    since?: number | string;
  }
  export interface PouchInstance {
    name: string;
    sync(remote: PouchInstance, options?: ReplicateOptions): Replication & { push: Replication; pull: Replication };
    replicate: { to(target: PouchInstance, options?: ReplicateOptions): Replication; from(source: PouchInstance, options?: ReplicateOptions): Replication };
    [method: string]: unknown;
  }
  export interface PouchStatic {
    new (name: string, options?: Record<string, unknown>): PouchInstance;
    plugin(plugin: unknown): PouchStatic;
    defaults(options: Record<string, unknown>): PouchStatic;
    replicate(source: PouchInstance | string, target: PouchInstance | string, options?: ReplicateOptions): Replication;
    adapters: Record<string, unknown>;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-leveldb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  import type { PouchStatic } from 'pouchdb-core';
  interface ExpressPouchApp extends RequestListener {
    couchConfig: { set(section: string, key: string, value: string, callback: (error?: unknown) => void): void };
    dbWrapper: { registerWrapper(wrapper: (name: string, db: { bulkDocs: (req: unknown, ...rest: unknown[]) => unknown }, next: () => unknown) => unknown): void };
  }
  function expressPouchDB(PouchDB: PouchStatic, options?: Record<string, unknown>): ExpressPouchApp;
  export default expressPouchDB;
}
