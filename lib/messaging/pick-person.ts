/**
 * Whom the sidebar shows among a page's people: the one it showed before if still there, else
 * the first who is a customer, else the first. Part of the protocol: the sidebar and the
 * background both pick by it, and the background sends that person's card along with the page's
 * people (one round trip to a painted card).
 */
export function pickPerson<P extends { email: string; customerId: string | null }>(
  people: readonly P[],
  keep: string | null,
): P | undefined {
  const kept = keep === null ? undefined : people.find((p) => p.email === keep);
  return kept ?? people.find((p) => p.customerId !== null) ?? people[0];
}
