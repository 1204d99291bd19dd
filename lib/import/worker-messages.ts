import type { BadRow, ImportOptions } from './drafts';
import type { FormatId } from './format';
import type { Mapping } from './formats/generic';
import type { DraftBatch, ImportOutcome, ImportPlan, ImportProgress } from './job';
import type { TextEncoding } from './sniff';

/** Messages between the manager page and its import worker (both extension code, same origin). */

export interface FilePreview {
  fileName: string;
  size: number;
  kind: 'csv' | 'vcard';
  encoding: TextEncoding;
  delimiter: string;
  headers: string[];
  rows: string[][];
  /** Problems that stop the import (empty, binary, one column). */
  problems: string[];
  format: FormatId | null;
  formatLabel: string | null;
  hasCurrency: boolean;
  suggested: Mapping;
}

export type ToWorker =
  | { type: 'preview'; file: File }
  | { type: 'run'; file: File; plan: ImportPlan }
  | { type: 'ack'; seq: number };

export type FromWorker =
  | { type: 'preview'; preview: FilePreview }
  | { type: 'batch'; batch: DraftBatch }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'error'; message: string };

export type { BadRow, ImportOptions };
