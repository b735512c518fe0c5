import { useEffect, useRef } from 'react';

/**
 * A scrolling box whose height changes under the user (the brief's reading appears below it and
 * takes room): the focused control inside is scrolled back into view, so keyboard focus never
 * ends up hidden behind what grew.
 */
export function useFocusKeptInView<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const observer = new ResizeObserver(() => {
      const focused = document.activeElement;
      if (focused instanceof HTMLElement && box.contains(focused)) focused.scrollIntoView({ block: 'nearest' });
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return ref;
}
