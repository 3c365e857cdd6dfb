// Runs one piece of pane work at a time and keeps its busy state and its error for the view.
import { useCallback, useRef, useState } from "react";

export interface Task {
  busy: boolean;
  error: string | null;
  run<T>(work: () => Promise<T>): Promise<T | undefined>;
}

export function useTask(): Task {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined; // a second click while busy does nothing
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
