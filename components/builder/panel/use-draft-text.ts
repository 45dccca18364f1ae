"use client";

import { useState } from "react";
import type { Parsed } from "./parse-text";

/**
 * Text for a field whose config value is not text (a number, cents): people may type what does not parse yet ("4.",
 * ""), which stays on screen with its message and is not handed on. When the value changes from outside (undo, another
 * field) the text follows it; when the field loses focus unparsed, it shows the value again.
 */
export function useDraftText<T>(
  value: T,
  format: (value: T) => string,
  parse: (text: string) => Parsed<T>,
  equals: (a: T, b: T) => boolean = Object.is,
) {
  const [text, setText] = useState(() => format(value));
  const [shown, setShown] = useState(value);
  if (!Object.is(shown, value)) {
    setShown(value);
    const parsed = parse(text);
    if (!parsed.ok || !equals(parsed.value, value)) setText(format(value));
  }
  const parsed = parse(text);
  return {
    text,
    message: parsed.ok ? null : parsed.message,
    /** Take typed text; returns what it parses to, for the caller to hand on when it does. */
    change(next: string): Parsed<T> {
      setText(next);
      return parse(next);
    },
    blur() {
      if (!parsed.ok) setText(format(value));
    },
  };
}
