import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { CustomerChoice } from '../../lib/messaging/protocol';
import type { SearchState } from '../../lib/sidebar/search-store';
import './customer-search.css';
import { countOf } from '../format';

export interface CustomerSearchProps {
  state: SearchState;
  onQuery: (query: string) => void;
  onChoose: (choice: CustomerChoice) => void;
  /** Escape in an empty box: the caller may close the search. */
  onClose?: () => void;
  /** Focus the box on mount (opened by the user, not shown by default). */
  autoFocus?: boolean;
  label?: string;
}

/**
 * A search box over all customers (name, address, company) with its results as a listbox:
 * arrows move through the results while focus stays in the box (combobox pattern), Enter opens
 * the active one, Escape clears the box.
 */
export function CustomerSearch({ state, onQuery, onChoose, onClose, autoFocus = false, label = 'Find a customer' }: CustomerSearchProps) {
  const id = useId();
  const listId = `${id}-list`;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const results = state.kind === 'results' ? state.results : [];
  const expanded = results.length > 0;
  const activeIndex = Math.min(active, Math.max(0, results.length - 1));

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  // A new answer starts again at the top.
  useEffect(() => setActive(0), [results]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!expanded) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + results.length) % results.length);
    } else if (event.key === 'Enter') {
      const choice = results[activeIndex];
      if (!choice) return;
      event.preventDefault();
      onChoose(choice);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (text === '') {
        onClose?.();
        return;
      }
      setText('');
      onQuery('');
    }
  }

  return (
    <div class="search" role="search">
      <label class="visually-hidden" for={`${id}-input`}>
        {label}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        class="input search__input"
        type="search"
        placeholder="Search by name, email or company"
        autoComplete="off"
        spellcheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${id}-option-${activeIndex}` : undefined}
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          onQuery(event.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} class="search__results" role="listbox" aria-label="Customers found" hidden={!expanded}>
        {results.map((choice, index) => (
          <li
            key={choice.customerId}
            id={`${id}-option-${index}`}
            role="option"
            class={`search__option${index === activeIndex ? ' search__option--active' : ''}`}
            aria-selected={index === activeIndex}
            // mousedown, not click: the box keeps focus, so the list does not vanish first.
            onMouseDown={(event) => {
              event.preventDefault();
              onChoose(choice);
            }}
            onMouseEnter={() => setActive(index)}
          >
            <span class="search__name">{choice.name || choice.email || 'Unnamed customer'}</span>
            <span class="search__detail">{[choice.email, choice.companyName].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
      </ul>
      <SearchStatus state={state} />
    </div>
  );
}

function SearchStatus({ state }: { state: SearchState }) {
  if (state.kind === 'loading') {
    return (
      <p class="search__status muted" role="status">
        Searching…
      </p>
    );
  }
  if (state.kind === 'error') {
    return (
      <p class="search__status error-text" role="alert">
        Search failed: {state.message}
      </p>
    );
  }
  if (state.kind === 'results' && state.results.length === 0) {
    return (
      <p class="search__status muted" role="status">
        No customer matches “{state.query}”.
      </p>
    );
  }
  // Always present, so screen readers hear the count when results arrive.
  return (
    <p class="visually-hidden" role="status">
      {state.kind === 'results' ? `${countOf(state.results.length, 'customer', 'customers')} found` : ''}
    </p>
  );
}
