/** Data a page is waiting for: loading, failed with a message to show, or ready. */
export type Loadable<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; value: T };
