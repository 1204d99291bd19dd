import { useId, useState } from 'preact/hooks';
import type { TeamStore } from '../../lib/team/page-store';
import type { TeamStatus } from '../../lib/sync/status';
import { TeamStatusLine } from '../team/team-status-line';
import { formatCount } from '../../lib/format';

export interface TeamSectionProps {
  store: TeamStore;
  /** The number of customers in this browser (offered to the team at join). */
  localCustomers: number | null;
}

/**
 * Settings → Team: join (or create) a team on a CouchDB server, then see its status, pause,
 * resume, rename yourself or leave. The password goes to the background and is kept in the
 * extension's own database, where pages of websites cannot read it.
 */
export function TeamSection({ store, localCustomers }: TeamSectionProps) {
  const titleId = useId();
  const status = store.status.value;
  return (
    <section class="settings-section team" aria-labelledby={titleId}>
      <h2 id={titleId}>Team</h2>
      <p class="settings-section__description">
        Share one customer book with the people you work with, through a CouchDB server your business chooses (Apache CouchDB,
        IBM Cloudant). Every browser keeps the whole book and works offline; changes meet on the server, encrypted end to end.
      </p>
      {store.loadError.value && (
        <p class="error-text" role="alert">
          The team status could not be read: {store.loadError.value}
        </p>
      )}
      {store.recoveryCode.value && <RecoveryCode code={store.recoveryCode.value} onDone={store.dismissRecoveryCode} />}
      {status === null ? <p class="muted">Loading…</p> : status.team === null ? <JoinForm store={store} localCustomers={localCustomers} /> : <TeamPanel store={store} status={status} />}
    </section>
  );
}

function RecoveryCode({ code, onDone }: { code: string; onDone: () => void }) {
  return (
    <div class="team__recovery" role="alert">
      <p>
        <strong>Your team’s recovery code.</strong> It opens the team’s data if the passphrase is ever lost. It is shown only
        now: write it down and keep it somewhere safe, away from this computer.
      </p>
      <p class="team__code" data-testid="recovery-code">
        {code}
      </p>
      <button type="button" class="button" onClick={onDone}>
        I have written it down
      </button>
    </div>
  );
}

function JoinForm({ store, localCustomers }: TeamSectionProps) {
  const [fields, setFields] = useState({ url: '', database: 'crm-team', user: '', password: '', displayName: '', passphrase: '', passphrase2: '', recoveryCode: '' });
  const [encrypt, setEncrypt] = useState(true);
  const [useCode, setUseCode] = useState(false);
  const [shareLocal, setShareLocal] = useState(true);
  const set = (name: keyof typeof fields) => (event: { currentTarget: HTMLInputElement }) => setFields({ ...fields, [name]: event.currentTarget.value });
  const connection = { url: fields.url, database: fields.database, user: fields.user, password: fields.password };
  const probe = store.probe.value;
  const tested = probe !== null && JSON.stringify(probe.fields) === JSON.stringify(connection) ? probe.result : null;
  const creating = tested !== null && !tested.exists;
  const mismatch = creating && encrypt && fields.passphrase !== fields.passphrase2 ? 'The two passphrases differ.' : null;
  const busy = store.busy.value;
  return (
    <form
      class="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (tested === null) void store.test(connection);
        else
          void store.join({
            ...connection,
            displayName: fields.displayName,
            passphrase: useCode ? '' : fields.passphrase,
            recoveryCode: useCode ? fields.recoveryCode : '',
            create: creating ? { encrypt } : null,
            shareLocal,
          });
      }}
    >
      <label class="field">
        <span class="field__label">Server address</span>
        <input class="input" type="url" required placeholder="https://couch.example.com" value={fields.url} onInput={set('url')} autocomplete="url" />
      </label>
      <label class="field">
        <span class="field__label">Team database</span>
        <input class="input" required value={fields.database} onInput={set('database')} spellcheck={false} />
      </label>
      <label class="field">
        <span class="field__label">Your user name on the server</span>
        <input class="input" required value={fields.user} onInput={set('user')} autocomplete="username" />
      </label>
      <label class="field">
        <span class="field__label">Password</span>
        <input class="input" type="password" required value={fields.password} onInput={set('password')} autocomplete="current-password" />
      </label>
      {tested && (
        <p class="team__probe" role="status">
          {tested.exists
            ? `Connected. This database holds a team${tested.encrypted ? ', encrypted end to end' : ' (not encrypted)'}, with ${formatCount(tested.documents)} documents.`
            : 'Connected. There is no team in this database yet: create it below, and the others join it.'}
        </p>
      )}
      {tested && (
        <>
          <label class="field">
            <span class="field__label">Your name in the team (shown beside your notes)</span>
            <input class="input" required maxLength={60} value={fields.displayName} onInput={set('displayName')} />
          </label>
          {creating && (
            <label class="check">
              <input type="checkbox" checked={encrypt} onChange={(event) => setEncrypt(event.currentTarget.checked)} />
              Encrypt end to end (recommended): the server only ever holds ciphertext
            </label>
          )}
          {creating && encrypt && (
            <>
              <label class="field">
                <span class="field__label">Team passphrase (at least 10 characters; every member types it once)</span>
                <input class="input" type="password" required minLength={10} value={fields.passphrase} onInput={set('passphrase')} autocomplete="new-password" />
              </label>
              <label class="field">
                <span class="field__label">The passphrase again</span>
                <input class="input" type="password" required value={fields.passphrase2} onInput={set('passphrase2')} autocomplete="new-password" />
              </label>
            </>
          )}
          {!creating && tested.encrypted && (
            <>
              {useCode ? (
                <label class="field">
                  <span class="field__label">Recovery code</span>
                  <input class="input" required value={fields.recoveryCode} onInput={set('recoveryCode')} spellcheck={false} autocomplete="off" />
                </label>
              ) : (
                <label class="field">
                  <span class="field__label">Team passphrase</span>
                  <input class="input" type="password" required value={fields.passphrase} onInput={set('passphrase')} autocomplete="off" />
                </label>
              )}
              <button type="button" class="button button--quiet button--small" onClick={() => setUseCode(!useCode)}>
                {useCode ? 'Use the passphrase instead' : 'Use the recovery code instead'}
              </button>
            </>
          )}
          {localCustomers !== null && localCustomers > 0 && (
            <label class="check">
              <input type="checkbox" checked={shareLocal} onChange={(event) => setShareLocal(event.currentTarget.checked)} />
              Share the {formatCount(localCustomers)} customers already in this browser with the team
            </label>
          )}
        </>
      )}
      <div class="form__actions">
        {tested === null ? (
          <button type="submit" class="button button--primary" disabled={busy !== null}>
            {busy === 'test' ? 'Testing…' : 'Test connection'}
          </button>
        ) : (
          <>
            <button type="submit" class="button button--primary" disabled={busy !== null || mismatch !== null}>
              {busy === 'join' ? (creating ? 'Creating…' : 'Joining…') : creating ? 'Create the team' : 'Join the team'}
            </button>
            <button type="button" class="button" disabled={busy !== null} onClick={() => void store.test(connection)}>
              Test again
            </button>
          </>
        )}
      </div>
      {(store.error.value ?? mismatch) && (
        <p class="error-text" role="alert">
          {store.error.value ?? mismatch}
        </p>
      )}
    </form>
  );
}

function TeamPanel({ store, status }: { store: TeamStore; status: TeamStatus }) {
  const team = status.team;
  const [name, setName] = useState(team?.displayName ?? '');
  const [confirmLeave, setConfirmLeave] = useState(false);
  if (team === null) return null;
  const busy = store.busy.value;
  const others = team.members.filter((member) => member.id !== team.memberId);
  return (
    <div class="team__panel">
      <TeamStatusLine status={status} />
      <dl class="team__facts">
        <dt>Server</dt>
        <dd>
          {team.url} · {team.database}
        </dd>
        <dt>Signed in as</dt>
        <dd>{team.user}</dd>
        <dt>Encryption</dt>
        <dd>{team.encrypted ? 'End to end: the server holds ciphertext only' : 'Off: the server can read the data'}</dd>
        <dt>Others in the team</dt>
        <dd>{others.length === 0 ? 'Nobody has joined yet.' : others.map((member) => member.name).join(', ')}</dd>
      </dl>
      {status.refused > 0 && (
        <p class="team__refused" role="status">
          {formatCount(status.refused)} {status.refused === 1 ? 'document' : 'documents'} from the team refused: {status.refusedReason}
        </p>
      )}
      <form
        class="form form--inline"
        onSubmit={(event) => {
          event.preventDefault();
          void store.rename(name);
        }}
      >
        <label class="field">
          <span class="field__label">Your name in the team</span>
          <input class="input" required maxLength={60} value={name} onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        <button type="submit" class="button" disabled={busy !== null || name.trim() === team.displayName}>
          {busy === 'rename' ? 'Saving…' : 'Save name'}
        </button>
      </form>
      <div class="form__actions">
        {status.state === 'paused' ? (
          <button type="button" class="button" disabled={busy !== null} onClick={() => void store.resume()}>
            {busy === 'resume' ? 'Resuming…' : 'Resume sync'}
          </button>
        ) : (
          <button type="button" class="button" disabled={busy !== null} onClick={() => void store.pause()}>
            {busy === 'pause' ? 'Pausing…' : 'Pause sync'}
          </button>
        )}
        {confirmLeave ? (
          <>
            <button type="button" class="button button--danger" disabled={busy !== null} onClick={() => void store.leave().then(() => setConfirmLeave(false))}>
              {busy === 'leave' ? 'Leaving…' : 'Leave the team'}
            </button>
            <button type="button" class="button button--quiet" onClick={() => setConfirmLeave(false)}>
              Stay
            </button>
            <span class="muted">This browser keeps its copy of the customers, and stops sending and receiving changes.</span>
          </>
        ) : (
          <button type="button" class="button button--quiet" onClick={() => setConfirmLeave(true)}>
            Leave the team…
          </button>
        )}
      </div>
      {store.error.value && (
        <p class="error-text" role="alert">
          {store.error.value}
        </p>
      )}
    </div>
  );
}
