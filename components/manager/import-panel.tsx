import type { Mapping, MappingField } from '../../lib/import/formats/generic';
import { FIELD_LABELS, MAPPING_FIELDS, ORDER_FIELDS } from '../../lib/import/formats/generic';
import type { ImportState } from '../../lib/import/runner';
import { countOf } from '../format';

export interface ImportPanelProps {
  state: ImportState;
  blockers: string[];
  onChoose(file: File): void;
  onMapping(mapping: Mapping): void;
  onCurrency(currency: string): void;
  onStart(): void;
  onCancel(): void;
  onCommit(): void;
  onDownloadBad(): void;
  onReset(): void;
}

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'CAD', 'AUD', 'INR', 'JPY'];

function seconds(s: number | null): string {
  if (s === null) return 'estimating…';
  if (s < 60) return `${Math.ceil(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.ceil(s % 60)} s`;
}

/** Import: choose a file, check the preview and mapping, watch it stream, review bad rows. */
export function ImportPanel(props: ImportPanelProps) {
  const { state } = props;
  return (
    <section class="panel" aria-labelledby="import-title">
      <h2 id="import-title">Import customers and orders</h2>
      <p>Shopify customers or orders CSV, WooCommerce orders, Google Contacts CSV, vCard (.vcf), or any other CSV. Nothing is saved until the import is complete.</p>
      {(state.kind === 'idle' || state.kind === 'cancelled' || state.kind === 'done' || state.kind === 'error') && (
        <label class="file">
          Choose a file{' '}
          <input
            type="file"
            accept=".csv,.tsv,.txt,.vcf,text/csv,text/vcard"
            aria-label="File to import"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onChoose(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
      )}
      {state.kind === 'reading' && <p role="status">Reading {state.fileName}…</p>}
      {state.kind === 'cancelled' && <p role="status">Import cancelled. Nothing was saved.</p>}
      {state.kind === 'error' && (
        <div class="banner banner--error" role="alert">
          <p>{state.message}</p>
          <p>Nothing was saved.</p>
          {state.outcome && state.outcome.badCount > 0 && <BadRows outcome={state.outcome} onDownload={props.onDownloadBad} />}
        </div>
      )}
      {state.kind === 'preview' && <Preview {...props} state={state} />}
      {state.kind === 'running' && (
        <div class="progress-box">
          <p>Importing {state.fileName}…</p>
          <progress aria-label="Import progress" max={state.progress.totalBytes || 1} value={state.progress.bytes} />
          <p role="status" aria-live="polite">
            {state.progress.rows.toLocaleString()} rows · {state.progress.rowsPerSecond.toLocaleString()} rows/s · time left {seconds(state.progress.secondsLeft)}
          </p>
          <button type="button" class="secondary" onClick={props.onCancel}>Cancel</button>
        </div>
      )}
      {state.kind === 'review' && (
        <div class="review">
          <p role="status">
            {countOf(state.outcome.customers, 'customer', 'customers')} and {countOf(state.outcome.orders, 'order', 'orders')} are ready. {countOf(state.outcome.badCount, 'row cannot', 'rows cannot')} be imported.
          </p>
          <BadRows outcome={state.outcome} onDownload={props.onDownloadBad} />
          <div class="actions">
            <button type="button" onClick={props.onCommit}>Import the good rows</button>
            <button type="button" class="secondary" onClick={props.onCancel}>Cancel</button>
          </div>
        </div>
      )}
      {state.kind === 'committing' && <p role="status">Saving {countOf(state.outcome.customers, 'customer', 'customers')} and {countOf(state.outcome.orders, 'order', 'orders')}…</p>}
      {state.kind === 'done' && (
        <p class="banner banner--ok" role="status">
          Imported {state.fileName}: {state.result.customersCreated.toLocaleString()} new customers, {state.result.customersUpdated.toLocaleString()} updated,{' '}
          {state.result.ordersCreated.toLocaleString()} new orders, {state.result.ordersUpdated.toLocaleString()} updated ({state.seconds.toFixed(1)} s)
          {state.outcome.badCount > 0 ? `; ${state.outcome.badCount.toLocaleString()} rows skipped.` : '.'}
        </p>
      )}
    </section>
  );
}

function BadRows({ outcome, onDownload }: { outcome: { badCount: number; bad: { row: number; reason: string }[] }; onDownload(): void }) {
  return (
    <div class="bad-rows">
      <table aria-label="Rows that cannot be imported">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {outcome.bad.slice(0, 50).map((b) => (
            <tr key={b.row}>
              <td>{b.row}</td>
              <td>{b.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {outcome.badCount > 50 && <p>…and {(outcome.badCount - 50).toLocaleString()} more.</p>}
      <button type="button" class="secondary" onClick={onDownload}>Download the list of bad rows</button>
    </div>
  );
}

function Preview(props: ImportPanelProps & { state: Extract<ImportState, { kind: 'preview' }> }) {
  const { preview, format, mapping, options, remembered } = props.state;
  const fields = MAPPING_FIELDS.filter((f) => mapping.target === 'orders' || !ORDER_FIELDS.includes(f));
  const setField = (field: MappingField, header: string) => {
    const next = { ...mapping.fields };
    if (header === '') delete next[field];
    else next[field] = header;
    props.onMapping({ ...mapping, fields: next });
  };
  return (
    <div class="preview">
      <p>
        <strong>{preview.fileName}</strong> · {preview.formatLabel ?? 'Other CSV: choose the columns below'} · {preview.encoding}
        {preview.kind === 'csv' && `, separated by “${preview.delimiter === '\t' ? 'tab' : preview.delimiter}”`}
      </p>
      {preview.problems.length > 0 && (
        <ul class="banner banner--error" role="alert">
          {preview.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {preview.rows.length > 0 && (
        <div class="preview__table">
          <table aria-label="First rows of the file">
            <thead>
              <tr>
                {preview.headers.map((h, i) => (
                  <th scope="col" key={i}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, r) => (
                <tr key={r}>
                  {preview.headers.map((_, i) => (
                    <td key={i}>{row[i] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.kind === 'csv' && format === 'generic' && preview.headers.length > 1 && (
        <fieldset class="mapping">
          <legend>Which column holds what?{remembered && ' (remembered from the last file with these columns)'}</legend>
          <label>
            These rows are{' '}
            <select value={mapping.target} onChange={(e) => props.onMapping({ ...mapping, target: e.currentTarget.value === 'orders' ? 'orders' : 'customers' })}>
              <option value="customers">customers / contacts</option>
              <option value="orders">orders</option>
            </select>
          </label>
          {fields.map((field) => (
            <label key={field}>
              {FIELD_LABELS[field]}{' '}
              <select value={mapping.fields[field] ?? ''} onChange={(e) => setField(field, e.currentTarget.value)}>
                <option value="">—</option>
                {preview.headers.map((h) => (
                  <option value={h} key={h}>{h}</option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      {preview.kind === 'csv' && !preview.hasCurrency && (format !== 'generic' || mapping.target === 'orders') && (format !== 'shopify-customers' && format !== 'google-contacts' && format !== 'woocommerce-analytics-customers') && (
        <label>
          Currency of the amounts{' '}
          <select value={options.currency} onChange={(e) => props.onCurrency(e.currentTarget.value)}>
            {CURRENCIES.map((c) => (
              <option value={c} key={c}>{c}</option>
            ))}
          </select>
        </label>
      )}
      {props.blockers.length > 0 && preview.problems.length === 0 && (
        <ul class="hint">
          {props.blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" disabled={props.blockers.length > 0} onClick={props.onStart}>Import</button>
        <button type="button" class="secondary" onClick={props.onReset}>Choose another file</button>
      </div>
    </div>
  );
}
