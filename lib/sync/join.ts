import { checkDataKey, createTeamKey, unlockWithPassphrase, WrongKeyError } from './crypto';
import { parseTeamSettings, SyncDocumentError, type TeamSettings } from './envelope';
import { DEFAULT_BUCKETS, TEAM_DOC_ID } from './layout';
import { decodeRecoveryCode, encodeRecoveryCode } from './recovery-code';
import { RemoteError, type RemoteSession } from './remote';

/**
 * Joining a team: everything checked before this browser writes a thing. The connection test
 * reads the team database (address, TLS, password, membership) and its settings document;
 * joining an encrypted team unlocks the team key with the passphrase or the recovery code, and
 * a wrong one stops here with nothing written, locally or on the server.
 */

export class JoinError extends Error {
  override readonly name = 'JoinError';
  constructor(
    readonly problem: 'wrong_key' | 'needs_key' | 'exists' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

export interface TeamProbe {
  /** Whether the database already holds a team (its settings document). */
  exists: boolean;
  encrypted: boolean;
  documents: number;
}

export async function probeTeam(session: RemoteSession): Promise<TeamProbe & { settings: TeamSettings | null }> {
  const { docCount } = await session.check();
  const raw = await session.getDocument(TEAM_DOC_ID);
  if (raw === null) return { exists: false, encrypted: false, documents: docCount, settings: null };
  try {
    const settings = parseTeamSettings(raw);
    return { exists: true, encrypted: settings.encryption !== null, documents: docCount, settings };
  } catch (error) {
    if (error instanceof SyncDocumentError) throw new JoinError('malformed', error.message);
    throw error;
  }
}

export interface KeyInput {
  passphrase?: string | undefined;
  recoveryCode?: string | undefined;
}

export interface OpenedTeam {
  settings: TeamSettings;
  /** The raw data key (null: the team does not encrypt). */
  dataKey: Uint8Array<ArrayBuffer> | null;
  /** Set only when this call created the team with encryption: shown once, never stored. */
  recoveryCode: string | null;
}

/**
 * Creates the team (when `create` is given and the database holds none) or opens the one there.
 * `iterations` is for tests only (the real count takes about half a second a try).
 */
export async function openTeam(session: RemoteSession, key: KeyInput, create: { encrypt: boolean } | null, now: number, iterations?: number): Promise<OpenedTeam> {
  let probe = await probeTeam(session);
  if (!probe.settings && create) {
    if (create.encrypt && !key.passphrase) throw new JoinError('needs_key', 'Choose a team passphrase: every member types it once to join.');
    if (create.encrypt && (key.passphrase ?? '').length < 10) throw new JoinError('needs_key', 'Use a team passphrase of at least 10 characters (a few words is best).');
    const made = create.encrypt ? await createTeamKey(key.passphrase ?? '', iterations) : null;
    const settings: TeamSettings = { layout: { buckets: DEFAULT_BUCKETS }, encryption: made?.wrapped ?? null, createdAt: now };
    if (await session.createDocument(TEAM_DOC_ID, { v: 1, d: settings })) {
      return { settings, dataKey: made?.dataKey ?? null, recoveryCode: made ? encodeRecoveryCode(made.dataKey) : null };
    }
    // Someone created it meanwhile: join theirs.
    probe = await probeTeam(session);
  }
  if (!probe.settings) throw new RemoteError('not_found', 'This database holds no team yet: create the team first.');
  const settings = probe.settings;
  if (settings.encryption === null) return { settings, dataKey: null, recoveryCode: null };
  return { settings, dataKey: await unlock(settings, key), recoveryCode: null };
}

async function unlock(settings: TeamSettings, key: KeyInput): Promise<Uint8Array<ArrayBuffer>> {
  const wrapped = settings.encryption;
  if (wrapped === null) throw new Error('unreachable');
  try {
    if (key.recoveryCode) {
      const dataKey = decodeRecoveryCode(key.recoveryCode);
      if (!dataKey) throw new WrongKeyError('malformed code');
      await checkDataKey(wrapped, dataKey);
      return dataKey;
    }
    if (!key.passphrase) throw new JoinError('needs_key', 'This team encrypts its data: type the team passphrase (or the recovery code).');
    return await unlockWithPassphrase(wrapped, key.passphrase);
  } catch (error) {
    if (error instanceof WrongKeyError) {
      throw new JoinError('wrong_key', key.recoveryCode ? 'This recovery code does not open the team’s data.' : 'Wrong team passphrase: it does not open the team’s data.');
    }
    throw error;
  }
}
