import { cleanAddress, stripInvisible } from '../text';

/**
 * The signed-in user from the document title, which Gmail writes as
 * "<view or subject> - <address> - Gmail" (Workspace accounts may end in the organization's name
 * instead of "Gmail", and a subject may itself contain " - ", so the last address between
 * dashes wins).
 */
export function selfFromTitle(title: string | null | undefined): string | null {
  if (!title) return null;
  const parts = stripInvisible(title).split(/\s+[-–]\s+/);
  for (let i = parts.length - 2; i >= 1; i--) {
    const address = cleanAddress(parts[i]);
    if (address) return address;
  }
  return null;
}
