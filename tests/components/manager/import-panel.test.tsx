// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ImportPanel, type ImportPanelProps } from '../../../components/manager/import-panel';
import { suggestMapping } from '../../../lib/import/formats/generic';
import type { ImportState } from '../../../lib/import/runner';
import { mount } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => view?.unmount());

function props(state: ImportState, over: Partial<ImportPanelProps> = {}): ImportPanelProps {
  return {
    state,
    blockers: [],
    onChoose: vi.fn(),
    onMapping: vi.fn(),
    onCurrency: vi.fn(),
    onStart: vi.fn(),
    onCancel: vi.fn(),
    onCommit: vi.fn(),
    onDownloadBad: vi.fn(),
    onReset: vi.fn(),
    ...over,
  };
}

const outcome = { rows: 3, customers: 2, orders: 0, badCount: 1, bad: [{ row: 3, reason: '“x” is not an email address.', values: ['x'] }] };

describe('ImportPanel', () => {
  it('shows rows, rows per second and time left while running, and cancels', () => {
    const p = props({ kind: 'running', fileName: 'orders.csv', progress: { rows: 12_000, bytes: 50, totalBytes: 100, rowsPerSecond: 24_000, secondsLeft: 0.5 } });
    view = mount(<ImportPanel {...p} />);
    expect(view.container.textContent).toContain('12,000 rows · 24,000 rows/s · time left 1 s');
    expect(view.container.querySelector('progress')?.getAttribute('value')).toBe('50');
    const cancel = [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Cancel');
    act(() => cancel?.click());
    expect(p.onCancel).toHaveBeenCalledOnce();
  });

  it('lists bad rows with their row number and asks before importing the good ones', () => {
    const p = props({ kind: 'review', fileName: 'customers.csv', outcome });
    view = mount(<ImportPanel {...p} />);
    expect(view.container.querySelector('table[aria-label="Rows that cannot be imported"]')?.textContent).toContain('3“x” is not an email address.');
    const buttons = [...view.container.querySelectorAll('button')];
    act(() => buttons.find((b) => b.textContent === 'Download the list of bad rows')?.click());
    expect(p.onDownloadBad).toHaveBeenCalledOnce();
    expect(p.onCommit).not.toHaveBeenCalled();
    act(() => buttons.find((b) => b.textContent === 'Import the good rows')?.click());
    expect(p.onCommit).toHaveBeenCalledOnce();
  });

  it('shows the mapping step for an unknown CSV and keeps Import disabled until it is complete', () => {
    const headers = ['Kunde', 'Telefon'];
    const state: ImportState = {
      kind: 'preview',
      preview: { fileName: 'x.csv', size: 10, kind: 'csv', encoding: 'windows-1252', delimiter: ';', headers, rows: [['Ann', '1']], problems: [], format: null, formatLabel: null, hasCurrency: false, suggested: suggestMapping(headers) },
      format: 'generic',
      mapping: suggestMapping(headers),
      options: { currency: 'EUR' },
      remembered: false,
    };
    view = mount(<ImportPanel {...props(state, { blockers: ['Choose the column with the email address (or a customer id).'] })} />);
    expect(view.container.textContent).toContain('Which column holds what?');
    expect(view.container.textContent).toContain('windows-1252, separated by “;”');
    const importButton = [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Import');
    expect(importButton?.disabled).toBe(true);
  });

  it('says nothing was saved when an import fails', () => {
    view = mount(<ImportPanel {...props({ kind: 'error', message: 'The file is empty.' })} />);
    expect(view.container.querySelector('[role=alert]')?.textContent).toBe('The file is empty.Nothing was saved.');
  });
});
