import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { CustomerChoice } from '../../lib/messaging/protocol';
import type { PickerState } from '../../lib/popup/store';

export interface CustomerPickerProps {
  picker: PickerState;
  selected: CustomerChoice | null;
  onQuery: (query: string) => void;
  onSelect: (choice: CustomerChoice | null) => void;
}

interface Option {
  choice: CustomerChoice;
  group: string;
}

function label(choice: CustomerChoice): string {
  return choice.name.trim() || choice.email || 'Unnamed customer';
}

function detail(choice: CustomerChoice): string {
  return [choice.email, choice.companyName].filter(Boolean).join(' · ');
}

/** On this page first, then recent, then search matches; each customer once. */
function options(picker: PickerState): Option[] {
  const seen = new Set<string>();
  const out: Option[] = [];
  const add = (group: string, list: CustomerChoice[]) => {
    for (const choice of list) {
      if (seen.has(choice.customerId)) continue;
      seen.add(choice.customerId);
      out.push({ choice, group });
    }
  };
  if (picker.query.trim() !== '') add('Matches', picker.matches);
  add('On this page', picker.onTab);
  if (picker.query.trim() === '') add('Recent', picker.recent);
  return out;
}

/**
 * Who the note is about: an autocomplete combobox (ARIA 1.2 pattern). Arrow keys move,
 * Enter picks, Escape clears the search. Once chosen, the customer shows as a chip.
 */
export function CustomerPicker({ picker, selected, onQuery, onSelect }: CustomerPickerProps) {
  const listId = useId();
  const inputId = useId();
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const list = useMemo(() => options(picker), [picker]);
  // "Change" removes the chip that had focus: focus goes to the search box that replaces it.
  const input = useRef<HTMLInputElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (!selected && refocus.current) input.current?.focus();
    refocus.current = false;
  }, [selected]);

  if (selected) {
    return (
      <div class="picker picker--chosen">
        <span class="picker__label">About</span>
        <span class="chip" aria-label={`Note about ${label(selected)}`}>
          <strong>{label(selected)}</strong>
          {selected.companyName && <span class="muted"> · {selected.companyName}</span>}
        </span>
        <button type="button" class="button button--link" onClick={() => {
            refocus.current = true;
            onSelect(null);
          }}>
          Change
        </button>
      </div>
    );
  }

  const current = list[Math.min(active, list.length - 1)];
  const activeId = current ? `${listId}-${current.choice.customerId}` : undefined;

  return (
    <div class="picker">
      <label class="picker__label" for={inputId}>
        About
      </label>
      <input
        ref={input}
        id={inputId}
        class="input"
        type="search"
        role="combobox"
        autoComplete="off"
        placeholder="Customer: name, email or company"
        aria-autocomplete="list"
        aria-expanded={open && list.length > 0}
        aria-controls={listId}
        aria-activedescendant={open ? activeId : undefined}
        value={picker.query}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onInput={(event) => {
          setActive(0);
          setOpen(true);
          onQuery(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(i + 1, list.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && current) {
            event.preventDefault();
            onSelect(current.choice);
          } else if (event.key === 'Escape' && picker.query !== '') {
            event.preventDefault();
            onQuery('');
          }
        }}
      />
      {open && (
        <ul id={listId} class="picker__list" role="listbox" aria-label="Customers">
          {list.map((option, index) => (
            <li
              key={option.choice.customerId}
              id={`${listId}-${option.choice.customerId}`}
              role="option"
              class={`picker__option${index === active ? ' picker__option--active' : ''}`}
              aria-selected={index === active}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                onSelect(option.choice);
              }}
            >
              <span class="picker__name">{label(option.choice)}</span>
              <span class="picker__detail muted">{detail(option.choice)}</span>
              {(index === 0 || list[index - 1]?.group !== option.group) && <span class="picker__group">{option.group}</span>}
            </li>
          ))}
          {list.length === 0 && !picker.loading && (
            <li class="picker__empty muted" role="presentation">
              {picker.query.trim() === '' ? 'Type a name, email or company.' : 'No customer matches.'}
            </li>
          )}
          {picker.loading && list.length === 0 && (
            <li class="picker__empty muted" role="presentation">
              Searching…
            </li>
          )}
        </ul>
      )}
      {picker.error && (
        <p class="error-text" role="alert">
          {picker.error}
        </p>
      )}
    </div>
  );
}
