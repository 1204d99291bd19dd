/**
 * End-to-end encryption of the team's documents, WebCrypto only (no hand-written primitive).
 *
 * Shape (after Joplin's master keys and Actual's key check): the team has one random 256-bit
 * data key. It is stored on the server only wrapped (AES-GCM) under a key derived from the team
 * passphrase with PBKDF2-SHA-256 at OWASP's current count, so a wrong passphrase fails the
 * unwrap's authentication before anything is read or written. The data key itself, written as
 * a recovery code, is shown once when the team is created; a key check value (a known text
 * encrypted with the data key) tells a wrong recovery code apart before anything is written.
 *
 * From the data key, HKDF derives two keys that never leave WebCrypto: one AES-GCM key for the
 * documents and one HMAC key that turns record names into opaque document ids, so the server
 * sees neither content nor which record a document holds.
 */

/** OWASP Password Storage Cheat Sheet (2023+): PBKDF2-HMAC-SHA256, 600,000 iterations. */
export const PBKDF2_ITERATIONS = 600_000;
const IV_BYTES = 12;
const KEY_CHECK_TEXT = 'local-crm team key check v1';

export interface TeamKeys {
  /** AES-GCM-256 for documents. */
  readonly content: CryptoKey;
  /** HMAC-SHA-256 for opaque document ids. */
  readonly ids: CryptoKey;
}

/** What the server keeps about the key: everything a member needs to unlock it with the passphrase. */
export interface WrappedKey {
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  /** The data key, AES-GCM encrypted under the passphrase key (base64 of iv ‖ ciphertext). */
  wrapped: string;
  /** KEY_CHECK_TEXT encrypted with the content key (base64 of iv ‖ ciphertext). */
  check: string;
}

export class WrongKeyError extends Error {
  override readonly name = 'WrongKeyError';
}

const subtle = () => globalThis.crypto.subtle;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The key that wraps the data key, from the passphrase (PBKDF2-SHA-256). */
export async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations = PBKDF2_ITERATIONS): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The content and id keys from the raw data key (HKDF-SHA-256, one label each). */
export async function teamKeys(dataKey: Uint8Array<ArrayBuffer>): Promise<TeamKeys> {
  if (dataKey.length !== 32) throw new WrongKeyError('A team key is 32 bytes.');
  const base = await subtle().importKey('raw', dataKey, 'HKDF', false, ['deriveKey']);
  const info = (label: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode(label) });
  const content = await subtle().deriveKey(info('local-crm content v1'), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const ids = await subtle().deriveKey(info('local-crm ids v1'), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
  return { content, ids };
}

/** AES-GCM with a fresh random 96-bit IV; `aad` binds the ciphertext to where it belongs. */
export async function seal(key: CryptoKey, plain: Uint8Array<ArrayBuffer>, aad: string): Promise<string> {
  const iv = randomBytes(IV_BYTES);
  const sealed = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(aad) }, key, plain));
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return toBase64(out);
}

/** Opens what `seal` made; a wrong key, a changed byte or another `aad` throws WrongKeyError. */
export async function open(key: CryptoKey, sealed: string, aad: string): Promise<Uint8Array<ArrayBuffer>> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64(sealed);
  } catch {
    throw new WrongKeyError('The encrypted text is not base64.');
  }
  if (bytes.length < IV_BYTES + 16) throw new WrongKeyError('The encrypted text is too short.');
  try {
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: encoder.encode(aad) }, key, bytes.subarray(IV_BYTES));
    return new Uint8Array(plain);
  } catch {
    throw new WrongKeyError('The key does not open this text.');
  }
}

/** A new data key, wrapped under the passphrase, with its key check value. */
export async function createTeamKey(passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<{ dataKey: Uint8Array<ArrayBuffer>; wrapped: WrappedKey }> {
  const dataKey = randomBytes(32);
  const salt = randomBytes(16);
  const kek = await passphraseKey(passphrase, salt, iterations);
  const keys = await teamKeys(dataKey);
  return {
    dataKey,
    wrapped: {
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
      wrapped: await seal(kek, dataKey, 'team data key'),
      check: await seal(keys.content, encoder.encode(KEY_CHECK_TEXT), 'key check'),
    },
  };
}

/** The data key from the passphrase; WrongKeyError when the passphrase is not the team's. */
export async function unlockWithPassphrase(wrapped: WrappedKey, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const kek = await passphraseKey(passphrase, fromBase64(wrapped.kdf.salt), wrapped.kdf.iterations);
  const dataKey = await open(kek, wrapped.wrapped, 'team data key');
  await checkDataKey(wrapped, dataKey);
  return dataKey;
}

/** Throws WrongKeyError unless this data key opens the team's key check value. */
export async function checkDataKey(wrapped: WrappedKey, dataKey: Uint8Array<ArrayBuffer>): Promise<void> {
  const keys = await teamKeys(dataKey);
  const text = decoder.decode(await open(keys.content, wrapped.check, 'key check'));
  if (text !== KEY_CHECK_TEXT) throw new WrongKeyError('The key check value does not match.');
}

/** The data key wrapped under another passphrase (a change of passphrase re-encrypts nothing else). */
export async function rewrap(wrapped: WrappedKey, dataKey: Uint8Array<ArrayBuffer>, passphrase: string): Promise<WrappedKey> {
  const salt = randomBytes(16);
  const kek = await passphraseKey(passphrase, salt, wrapped.kdf.iterations);
  return { ...wrapped, kdf: { ...wrapped.kdf, salt: toBase64(salt) }, wrapped: await seal(kek, dataKey, 'team data key') };
}

/** An opaque document id: HMAC of the record's name, 128 bits in hex (never starts with `_`). */
export async function opaqueId(key: CryptoKey, name: string): Promise<string> {
  const mac = new Uint8Array(await subtle().sign('HMAC', key, encoder.encode(name)));
  let hex = '';
  for (const byte of mac.subarray(0, 16)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
