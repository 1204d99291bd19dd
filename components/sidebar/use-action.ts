import { useEffect, useRef, useState } from 'preact/hooks';

export interface Action {
  busy: boolean;
  error: string | null;
  /** Runs `task`; resolves true on success. Errors become `error`, never unhandled. */
  run: (task: () => Promise<void>) => Promise<boolean>;
  clearError: () => void;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error ? error : 'Something went wrong. Please try again.';
}

/**
 * Busy and error state for one user action. The parent may unmount us when the action
 * succeeds (a new customer replaces the form), so state is only set while mounted.
 */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  const running = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  async function run(task: () => Promise<void>): Promise<boolean> {
    // A second Enter while the first save is in flight must not save twice.
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await task();
      return true;
    } catch (caught) {
      if (mounted.current) setError(errorMessage(caught));
      return false;
    } finally {
      running.current = false;
      if (mounted.current) setBusy(false);
    }
  }

  return { busy, error, run, clearError: () => setError(null) };
}
