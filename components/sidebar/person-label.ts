import type { TabPerson } from '../../lib/messaging/protocol';

/** The best human label for a person: the customer's name, the page's name, else the address. */
export function personLabel(person: TabPerson): string {
  return person.customerName?.trim() || person.name.trim() || person.email;
}

/** Up to two initials for an avatar; falls back to the address's first letter. */
export function initials(label: string): string {
  const words = label.replace(/@.*/, '').split(/[\s._-]+/).filter(Boolean);
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}
