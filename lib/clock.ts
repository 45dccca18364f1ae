/**
 * The one source of "now" for domain code. Tests pin or advance it; the development time-travel control (local
 * executor only) moves it forward. Production never changes it: the offset stays zero.
 */
const state = globalThis as unknown as {
  subflowClock?: { offsetMs: number; frozenAt: number | null };
};
const clock = (state.subflowClock ??= { offsetMs: 0, frozenAt: null });

export function now(): Date {
  return new Date(clock.frozenAt ?? Date.now() + clock.offsetMs);
}

/** Freeze the clock at a given instant (tests). */
export function freezeClock(at: Date): void {
  clock.frozenAt = at.getTime();
}

/** Move the clock forward (or back, with a negative amount). */
export function advanceClock(ms: number): void {
  if (clock.frozenAt !== null) clock.frozenAt += ms;
  else clock.offsetMs += ms;
}

export function resetClock(): void {
  clock.offsetMs = 0;
  clock.frozenAt = null;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
