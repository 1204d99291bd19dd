import { describe, expect, it } from 'vitest';
import {
  checkDataKey,
  createTeamKey,
  fromBase64,
  open,
  opaqueId,
  passphraseKey,
  PBKDF2_ITERATIONS,
  randomBytes,
  rewrap,
  seal,
  teamKeys,
  toBase64,
  unlockWithPassphrase,
  WrongKeyError,
} from '../../../lib/sync/crypto';
import { decodeRecoveryCode, encodeRecoveryCode } from '../../../lib/sync/recovery-code';

// The real count is slow on purpose (about half a second a try); tests that are not about the
// count use a small one.
const FAST = 1000;
const text = (s: string) => new TextEncoder().encode(s);

describe('passphrase key (PBKDF2)', () => {
  it('uses OWASP’s current count for PBKDF2-HMAC-SHA256 by default', () => {
    expect(PBKDF2_ITERATIONS).toBe(600_000);
  });

  it('derives the same key from the same passphrase and salt, another from another salt', async () => {
    const salt = randomBytes(16);
    const a = await passphraseKey('correct horse', salt, FAST);
    const b = await passphraseKey('correct horse', salt, FAST);
    const sealed = await seal(a, text('hello'), 'x');
    expect(new TextDecoder().decode(await open(b, sealed, 'x'))).toBe('hello');
    const other = await passphraseKey('correct horse', randomBytes(16), FAST);
    await expect(open(other, sealed, 'x')).rejects.toBeInstanceOf(WrongKeyError);
  });

  it('treats composed and decomposed accents as the same passphrase', async () => {
    const salt = randomBytes(16);
    const composed = await passphraseKey('café', salt, FAST);
    const decomposed = await passphraseKey('cafe\u0301', salt, FAST);
    expect(new TextDecoder().decode(await open(decomposed, await seal(composed, text('ok'), ''), ''))).toBe('ok');
  });
});

describe('seal and open (AES-GCM)', () => {
  it('round-trips and never gives the same ciphertext twice', async () => {
    const { content } = await teamKeys(randomBytes(32));
    const one = await seal(content, text('Maria Jensen'), 'doc-1');
    const two = await seal(content, text('Maria Jensen'), 'doc-1');
    expect(one).not.toBe(two);
    expect(one).not.toContain('Maria');
    expect(new TextDecoder().decode(await open(content, one, 'doc-1'))).toBe('Maria Jensen');
  });

  it('refuses a ciphertext moved to another document (associated data)', async () => {
    const { content } = await teamKeys(randomBytes(32));
    const sealed = await seal(content, text('x'), 'doc-1');
    await expect(open(content, sealed, 'doc-2')).rejects.toBeInstanceOf(WrongKeyError);
  });

  it('refuses a changed byte, a truncated text and text that is not base64', async () => {
    const { content } = await teamKeys(randomBytes(32));
    const bytes = fromBase64(await seal(content, text('amount: 100'), 'd'));
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    await expect(open(content, toBase64(bytes), 'd')).rejects.toBeInstanceOf(WrongKeyError);
    await expect(open(content, toBase64(bytes.subarray(0, 20)), 'd')).rejects.toBeInstanceOf(WrongKeyError);
    await expect(open(content, '%%%not base64', 'd')).rejects.toBeInstanceOf(WrongKeyError);
  });
});

describe('team key (wrapped data key and key check)', () => {
  it('unlocks with the passphrase and gives the same content key', async () => {
    const { dataKey, wrapped } = await createTeamKey('the team passphrase', FAST);
    expect(wrapped.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: FAST });
    const unlocked = await unlockWithPassphrase(wrapped, 'the team passphrase');
    expect(unlocked).toEqual(dataKey);
    const sealed = await seal((await teamKeys(dataKey)).content, text('note'), 'n');
    expect(new TextDecoder().decode(await open((await teamKeys(unlocked)).content, sealed, 'n'))).toBe('note');
  });

  it('says a wrong passphrase is wrong', async () => {
    const { wrapped } = await createTeamKey('right', FAST);
    await expect(unlockWithPassphrase(wrapped, 'wrong')).rejects.toBeInstanceOf(WrongKeyError);
  });

  it('refuses a recovery code of another key through the key check value', async () => {
    const { dataKey, wrapped } = await createTeamKey('right', FAST);
    await expect(checkDataKey(wrapped, dataKey)).resolves.toBeUndefined();
    await expect(checkDataKey(wrapped, randomBytes(32))).rejects.toBeInstanceOf(WrongKeyError);
    await expect(teamKeys(randomBytes(16))).rejects.toBeInstanceOf(WrongKeyError);
  });

  it('rewraps under a new passphrase without changing the data key', async () => {
    const { dataKey, wrapped } = await createTeamKey('old', FAST);
    const next = await rewrap(wrapped, dataKey, 'new');
    expect(await unlockWithPassphrase(next, 'new')).toEqual(dataKey);
    await expect(unlockWithPassphrase(next, 'old')).rejects.toBeInstanceOf(WrongKeyError);
  });

  it('takes the real count in well under the time a person waits at join (one derivation)', async () => {
    const started = performance.now();
    await passphraseKey('p', randomBytes(16));
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('opaque ids (HMAC)', () => {
  it('gives the same id for the same name under one key, another under another key', async () => {
    const a = await teamKeys(randomBytes(32));
    const b = await teamKeys(randomBytes(32));
    const id = await opaqueId(a.ids, 'customers/17');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await opaqueId(a.ids, 'customers/17')).toBe(id);
    expect(await opaqueId(a.ids, 'customers/18')).not.toBe(id);
    expect(await opaqueId(b.ids, 'customers/17')).not.toBe(id);
  });
});

describe('recovery code', () => {
  it('round-trips 32 bytes in groups of four, forgiving case, dashes, spaces, O and I/L', () => {
    const bytes = randomBytes(32);
    const code = encodeRecoveryCode(bytes);
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(decodeRecoveryCode(code)).toEqual(bytes);
    expect(decodeRecoveryCode(code.toLowerCase().replace(/-/g, ' '))).toEqual(bytes);
    const zeros = encodeRecoveryCode(new Uint8Array(32));
    expect(decodeRecoveryCode(zeros.replace(/0/g, 'O'))).toEqual(new Uint8Array(32));
  });

  it('refuses a code of the wrong length or with a letter base32 does not use', () => {
    const code = encodeRecoveryCode(randomBytes(32));
    expect(decodeRecoveryCode(code.slice(0, -1))).toBeNull();
    expect(decodeRecoveryCode(`${code.slice(0, -1)}U`)).toBeNull();
  });
});
