import { z } from 'zod';

/**
 * The backup file: one JSON document, versioned, every table. Written in pieces (a table page at
 * a time) so a large database never has to sit in the page's memory as one string.
 */

export const BACKUP_FORMAT = 'local-crm-backup';
export const BACKUP_VERSION = 1;

export const BackupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number().int(),
  tables: z.record(z.string().max(60), z.array(z.record(z.string(), z.unknown()))),
});
export type BackupFile = z.infer<typeof BackupFile>;

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
  const parsed = BackupFile.safeParse(json);
  if (!parsed.success) {
    const versioned = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number() }).safeParse(json);
    if (versioned.success && versioned.data.version > BACKUP_VERSION) return { ok: false, reason: `This backup was made by a newer version (format ${versioned.data.version}). Update the extension first.` };
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `This file is not a valid backup (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}).` };
  }
  const rows = Object.values(parsed.data.tables).reduce((n, t) => n + t.length, 0);
  return { ok: true, backup: parsed.data, rows };
}
