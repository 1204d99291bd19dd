/**
 * The backup file: one JSON document, versioned, every table. Written in pieces (a table page at
 * a time) so a large database never has to sit in the page's memory as one string. Read back,
 * only its envelope is checked here, by hand (the sidebar's recovery screen restores files too,
 * and its bundle carries no zod); every row is checked against its table's schema by the
 * background before anything is written.
 */

export const BACKUP_FORMAT = 'local-crm-backup';
export const BACKUP_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  tables: Record<string, Record<string, unknown>[]>;
}

export interface BackupSource {
  tables(): Promise<Record<string, number>>;
  page(table: string, after: string | null, limit: number): Promise<{ rows: Record<string, unknown>[]; last: string | null }>;
}

const PAGE = 2000;

/** The backup as Blob parts, reading every table page by page. */
export async function writeBackup(source: BackupSource, now: number, onProgress?: (rows: number) => void): Promise<Blob> {
  const parts: BlobPart[] = [];
  for await (const part of backupText(source, now, onProgress)) parts.push(part);
  return new Blob(parts, { type: 'application/json' });
}

/**
 * The backup's text in pieces (a table page each), read as they are asked for: a stream of them
 * (the background's safety copies, lib/safety/snapshots.ts) holds one page in memory at a time.
 */
export async function* backupText(source: BackupSource, now: number, onProgress?: (rows: number) => void): AsyncGenerator<string> {
  yield `{"format":"${BACKUP_FORMAT}","version":${BACKUP_VERSION},"exportedAt":${now},"tables":{`;
  const counts = await source.tables();
  let done = 0;
  let firstTable = true;
  for (const name of Object.keys(counts)) {
    yield `${firstTable ? '' : ','}${JSON.stringify(name)}:[`;
    firstTable = false;
    let after: string | null = null;
    let firstRow = true;
    for (;;) {
      const page = await source.page(name, after, PAGE);
      if (page.rows.length > 0) {
        yield (firstRow ? '' : ',') + page.rows.map((r) => JSON.stringify(r)).join(',');
        firstRow = false;
      }
      done += page.rows.length;
      onProgress?.(done);
      if (page.rows.length < PAGE || page.last === null) break;
      after = page.last;
    }
    yield ']';
  }
  yield '}}';
}

export type ParsedBackup = { ok: true; backup: BackupFile; rows: number } | { ok: false; reason: string };

/** Parses and checks the envelope; rows are checked against each table's schema by the background. */
export async function readBackup(file: Blob): Promise<ParsedBackup> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { ok: false, reason: 'This file is not a backup from this extension (it is not JSON).' };
  }
  const problem = envelopeProblem(json);
  if (problem !== null) {
    const version = isObject(json) && json.format === BACKUP_FORMAT ? json.version : null;
    if (typeof version === 'number' && version > BACKUP_VERSION) return { ok: false, reason: `This backup was made by a newer version (format ${version}). Update the extension first.` };
    return { ok: false, reason: `This file is not a valid backup (${problem}).` };
  }
  const backup = json as BackupFile;
  const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
  return { ok: true, backup, rows };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with a parsed file's envelope, as `where: what`, or null. */
function envelopeProblem(json: unknown): string | null {
  if (!isObject(json)) return 'file: expected an object';
  if (json.format !== BACKUP_FORMAT) return `format: expected "${BACKUP_FORMAT}"`;
  if (json.version !== BACKUP_VERSION) return `version: expected ${BACKUP_VERSION}`;
  if (!Number.isInteger(json.exportedAt)) return 'exportedAt: expected an integer';
  if (!isObject(json.tables)) return 'tables: expected an object';
  for (const [name, rows] of Object.entries(json.tables)) {
    if (name.length > 60) return `tables.${name.slice(0, 60)}…: a table name is at most 60 characters`;
    if (!Array.isArray(rows)) return `tables.${name}: expected an array`;
    const bad = rows.findIndex((row) => !isObject(row));
    if (bad >= 0) return `tables.${name}.${bad}: expected an object`;
  }
  return null;
}
