import { z } from 'zod';
import { open, seal, type TeamKeys } from './crypto';
import { TEAM_DOC_ID } from './layout';
import type { SyncRecord } from './merge';

/**
 * The team database's documents as the server stores them. With encryption on, a document is
 * `{ _id, _rev, v: 1, e }`: `e` is the body, compressed (deflate) then sealed with AES-GCM, the
 * document id bound in as associated data, and the id itself an HMAC of the body's name, so the
 * server holds ciphertext, opaque ids and revision data only. Without encryption it is
 * `{ _id: name, _rev, v: 1, d: body }`, readable in the server's own tools.
 *
 * Everything read from the server is parsed here before anything else sees it: a malformed or
 * oversized document is refused (SyncDocumentError) and reported, and the rest keeps syncing.
 */

/** Larger documents are refused on both ends (the server's validate_doc_update holds the same number). */
export const MAX_DOCUMENT_CHARS = 4_000_000;
/** Records in one bucket: far above what a bucket holds at a million records per table. */
const MAX_RECORDS = 20_000;

export class SyncDocumentError extends Error {
  override readonly name = 'SyncDocumentError';
  constructor(
    readonly docId: string,
    message: string,
  ) {
    super(message);
  }
}

const Clock = z.tuple([z.number().int().min(0), z.string().min(1).max(64), z.number().int().min(0)]);
const Alternative = z.object({ v: z.unknown().optional(), at: z.number().int().min(0), by: z.string().min(1).max(64) });
const HistoryEntry = Alternative.extend({ field: z.string().min(1).max(100), replacedAt: z.number().int().min(0), replacedBy: z.string().min(1).max(64) });

export const SyncRecordSchema = z.object({
  f: z.record(z.string().max(100), z.unknown()),
  c: z.record(z.string().max(100), Clock),
  x: z.record(z.string().max(100), z.array(Alternative).max(50)).optional(),
  h: z.array(HistoryEntry).max(50).optional(),
});

export const BucketBody = z.object({
  n: z.string().min(1).max(100),
  r: z.record(z.string().min(1).max(64), SyncRecordSchema).refine((r) => Object.keys(r).length <= MAX_RECORDS, 'too many records'),
});
export type BucketBody = { n: string; r: Record<string, SyncRecord> };

export const MemberBody = z.object({
  n: z.string().min(1).max(100),
  member: z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(100), at: z.number().int().min(0) }),
});
export type MemberBody = z.infer<typeof MemberBody>;

export const Envelope = z
  .object({
    _id: z.string().min(1).max(200),
    _rev: z.string().max(200).optional(),
    _deleted: z.boolean().optional(),
    v: z.literal(1),
    e: z.string().max(MAX_DOCUMENT_CHARS).regex(/^[A-Za-z0-9+/]*={0,2}$/).optional(),
    d: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((doc) => (doc.e === undefined) !== (doc.d === undefined), 'a document holds either e or d');
export type Envelope = z.infer<typeof Envelope>;

async function deflate(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function inflate(bytes: Uint8Array<ArrayBuffer>, limit: number): Promise<string> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    // A small ciphertext that inflates to gigabytes (a "zip bomb" from a hostile member) stops here.
    if (size > limit) {
      await reader.cancel();
      throw new Error('inflates past the limit');
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
}

/** The stored document for a body: sealed when the team encrypts, in clear otherwise. */
export async function encodeDocument(id: string, body: object, keys: TeamKeys | null): Promise<Envelope> {
  const json = JSON.stringify(body);
  const doc: Envelope = keys === null ? { _id: id, v: 1, d: JSON.parse(json) as Record<string, unknown> } : { _id: id, v: 1, e: await seal(keys.content, await deflate(json), id) };
  const size = doc.e?.length ?? json.length;
  if (size > MAX_DOCUMENT_CHARS) throw new SyncDocumentError(id, `This bucket is too large to send (${Math.round(size / 1e6)} MB).`);
  return doc;
}

/** The body of a stored document, checked; SyncDocumentError says what was wrong with it. */
export async function decodeDocument(raw: unknown, keys: TeamKeys | null): Promise<{ envelope: Envelope; body: Record<string, unknown> }> {
  const id = typeof raw === 'object' && raw !== null && '_id' in raw && typeof raw._id === 'string' ? raw._id : '(no id)';
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success) throw new SyncDocumentError(id, `A document on the server is malformed or too large (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
  const envelope = parsed.data;
  if (envelope.d !== undefined) {
    if (keys !== null) throw new SyncDocumentError(id, 'A document on the server is not encrypted, but this team encrypts.');
    return { envelope, body: envelope.d };
  }
  if (keys === null) throw new SyncDocumentError(id, 'A document on the server is encrypted, but this team does not encrypt.');
  let text: string;
  try {
    text = await inflate(await open(keys.content, envelope.e ?? '', id), MAX_DOCUMENT_CHARS * 8);
  } catch (error) {
    throw new SyncDocumentError(id, `A document on the server cannot be decrypted with the team key (${error instanceof Error ? error.message : 'error'}).`);
  }
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
    return { envelope, body: body as Record<string, unknown> };
  } catch {
    throw new SyncDocumentError(id, 'A document on the server decrypts to something that is not a document.');
  }
}

export function parseBucket(id: string, body: unknown): BucketBody {
  const parsed = BucketBody.safeParse(body);
  if (!parsed.success) throw new SyncDocumentError(id, `A bucket on the server is malformed (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'}).`);
  return parsed.data as BucketBody;
}

/** The team's settings document, always in clear: how to unlock the key and how documents are laid out. */
export const TeamSettings = z.object({
  layout: z.object({ buckets: z.number().int().min(1).max(65536) }),
  encryption: z
    .object({
      kdf: z.object({ name: z.literal('PBKDF2'), hash: z.literal('SHA-256'), iterations: z.number().int().min(100_000).max(10_000_000), salt: z.string().max(100) }),
      wrapped: z.string().max(1000),
      check: z.string().max(1000),
    })
    .nullable(),
  createdAt: z.number().int().min(0),
});
export type TeamSettings = z.infer<typeof TeamSettings>;

export function parseTeamSettings(raw: unknown): TeamSettings {
  const parsed = Envelope.safeParse(raw);
  const settings = parsed.success && parsed.data._id === TEAM_DOC_ID ? TeamSettings.safeParse(parsed.data.d) : null;
  if (!settings?.success) throw new SyncDocumentError(TEAM_DOC_ID, 'The team’s settings document on the server is malformed.');
  return settings.data;
}
