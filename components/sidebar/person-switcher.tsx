import { useRef } from 'preact/hooks';
import type { TabPerson } from '../../lib/messaging/protocol';
import { personLabel } from './person-label';

export interface PersonSwitcherProps {
  people: TabPerson[];
  selectedEmail: string;
  onSelect: (email: string) => void;
  /** Id of the panel the tabs control, for aria-controls. */
  panelId: string;
  /** Prefix for the tab ids, so the panel can be labelled by the selected tab. */
  idPrefix: string;
}

/** Id of a person's tab, so the panel can be labelled by the selected one. */
export function personTabId(idPrefix: string, index: number): string {
  return `${idPrefix}-tab-${index}`;
}

export function selectedPersonIndex(people: TabPerson[], selectedEmail: string): number {
  return Math.max(
    0,
    people.findIndex((p) => p.email === selectedEmail),
  );
}

/**
 * The people of the thread as a tablist. Activation is manual (arrows move focus, Enter or
 * Space selects) because each selection loads a card from the background; flicking through
 * with the arrows should not fire a lookup per person.
 */
export function PersonSwitcher({ people, selectedEmail, onSelect, panelId, idPrefix }: PersonSwitcherProps) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const selectedIndex = selectedPersonIndex(people, selectedEmail);
  // A customer opened from the search is none of these tabs: none is selected, all clickable.
  const onPage = people.some((p) => p.email === selectedEmail);

  function focusTab(index: number) {
    const count = people.length;
    tabs.current[((index % count) + count) % count]?.focus();
  }

  function onKeyDown(event: KeyboardEvent, index: number) {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: people.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    focusTab(target);
  }

  return (
    <div class="switcher" role="tablist" aria-label="People in this conversation" aria-orientation="horizontal">
      {people.map((person, index) => {
        const selected = onPage && index === selectedIndex;
        const known = person.customerId !== null;
        const label = personLabel(person);
        return (
          <button
            key={person.email}
            ref={(el) => {
              tabs.current[index] = el;
            }}
            id={personTabId(idPrefix, index)}
            type="button"
            role="tab"
            class={`chip${selected ? ' chip--selected' : ''}${known ? ' chip--known' : ''}`}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={index === selectedIndex ? 0 : -1}
            title={person.email}
            onClick={() => {
              if (!selected) onSelect(person.email);
            }}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            <span class={`chip__mark${known ? ' chip__mark--known' : ''}`} aria-hidden="true" />
            <span class="chip__label">{label}</span>
            <span class="visually-hidden">{known ? ', customer' : ', not a customer'}</span>
          </button>
        );
      })}
    </div>
  );
}
