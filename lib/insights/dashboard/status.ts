/** Whether a chart has enough to draw, and if not, what it needs, in plain words. */
export type Status = { kind: 'ok' } | { kind: 'needs'; message: string };

export const ok = (): Status => ({ kind: 'ok' });
export const needs = (message: string): Status => ({ kind: 'needs', message });
