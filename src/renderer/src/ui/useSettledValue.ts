/** A value once it has stayed the same for a while (typing paused), for requests that should not follow every keystroke. */
import { useEffect, useState } from 'react';

/**
 * The value after it was left unchanged for `delayMs`; undefined until it first was, so that a
 * screen does not ask for what the user is still typing. Pass a value that keeps its identity
 * between renders while it means the same (a string, a memoised object).
 */
export function useSettledValue<T>(value: T, delayMs: number): T | undefined {
  const [settled, setSettled] = useState<T | undefined>(undefined);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(() => value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
