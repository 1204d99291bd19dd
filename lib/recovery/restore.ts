import type { BackupFile } from '../export/backup-file';
import type { MessageType, ReplyOf, RequestOf } from '../messaging/protocol';

export type Request = <T extends MessageType>(type: T, payload: RequestOf<T>) => Promise<ReplyOf<T>>;

const RESTORE_CHUNK = 2000;

/**
 * Restores a parsed backup (a file, or a safety copy) through the background: staged a chunk at
 * a time under one import id, checked row by row there, written in one transaction by the
 * commit, which also checks every chunk arrived. On any failure the staging is thrown away and
 * nothing is written.
 */
export async function restoreBackup(
  request: Request,
  backup: BackupFile,
  mode: 'replace' | 'merge',
  onProgress?: (sent: number) => void,
): Promise<ReplyOf<'restore.commit'>> {
  const { importId } = await request('import.begin', {});
  try {
    let seq = 0;
    let sent = 0;
    for (const [table, rows] of Object.entries(backup.tables)) {
      for (let i = 0; i < rows.length; i += RESTORE_CHUNK) {
        await request('restore.stage', { importId, seq: seq++, table, rows: rows.slice(i, i + RESTORE_CHUNK) });
        sent += Math.min(RESTORE_CHUNK, rows.length - i);
        onProgress?.(sent);
      }
    }
    return await request('restore.commit', { importId, mode, chunks: seq });
  } catch (error) {
    await request('import.cancel', { importId }).catch(() => undefined);
    throw error;
  }
}
