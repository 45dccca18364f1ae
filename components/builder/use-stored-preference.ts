"use client";

import { useCallback, useEffect, useState } from "react";

/**
 * A builder layout preference kept in this browser (localStorage) across visits: full screen, the palette's icons,
 * the panel's width. The server renders `fallback` (it cannot know), so the stored value is read once mounted; one
 * that `parse` refuses (edited by hand, an older format) counts as none.
 */
export function useStoredPreference<T>(
  key: string,
  fallback: T | (() => T),
  parse: (stored: unknown) => T | null,
): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => {
    let stored: T | null = null;
    try {
      const raw = window.localStorage.getItem(key);
      stored = raw === null ? null : parse(JSON.parse(raw));
    } catch {
      // Storage blocked or the value is not JSON: keep the default.
    }
    // Reading storage is the effect; the value it finds is state the next render shows.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (stored !== null) setValue(stored);
    // Parsers are module functions; the key never changes for one builder.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const store = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or blocked: the choice holds until the page is left.
      }
    },
    [key],
  );
  return [value, store];
}

export const asBoolean = (stored: unknown): boolean | null =>
  typeof stored === "boolean" ? stored : null;

export const asNumber = (stored: unknown): number | null =>
  typeof stored === "number" && Number.isFinite(stored) ? stored : null;
